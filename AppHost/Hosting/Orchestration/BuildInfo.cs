using System.Reflection;
using System.Runtime.InteropServices;

namespace SecureRag.Hosting.Orchestration;

/// <summary>Facts about how the AppHost was built and runs, used to find and run the projects' build output.</summary>
internal static class BuildInfo
{
    /// <summary>The build configuration this library was built with (Debug, Release).</summary>
    public static string Configuration { get; } =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The target framework folder of the build output, e.g. <c>net10.0</c>.</summary>
    public static string TargetFramework { get; } = $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>The <c>dotnet</c> host that runs the AppHost, so the projects run on the same runtime.</summary>
    public static string DotnetHost { get; } = FindDotnet();

    private static string FindDotnet()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.ProcessPath is { } processPath && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return processPath;
        }

        // {root}/shared/Microsoft.NETCore.App/{version}/ → {root}/dotnet
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
