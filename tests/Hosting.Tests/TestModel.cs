using SecureRag.Hosting;
using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting.Tests;

/// <summary>Pieces of the models the tests start.</summary>
internal static class TestModel
{
    /// <summary>The tiny web project of these tests, relative to the repository root.</summary>
    public const string TestServiceProject = "tests/Hosting.Tests/TestService/TestService.csproj";

    /// <summary>Generous upper bound for any single wait in these tests.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static IResourceBuilder<ProjectResource> AddTestService(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddProject(name, TestServiceProject);
}
