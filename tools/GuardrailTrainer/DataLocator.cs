namespace SecureRag.Tools.GuardrailTrainer;

/// <summary>
/// Finds the shared public data: walks up from a start directory (the repository root or anything below it) to the
/// first directory with a <c>shared/data</c> folder, i.e. <c>../shared/data</c> relative to the repository root.
/// </summary>
public static class DataLocator
{
    public static string GuardrailDirectory(string? start = null)
    {
        var directory = new DirectoryInfo(start ?? Directory.GetCurrentDirectory());
        for (var current = directory; current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, "shared", "data", "guardrail");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        // Running from a build output folder: try from the assembly's location too.
        if (start is null && AppContext.BaseDirectory is { } baseDirectory && baseDirectory != directory.FullName)
        {
            return GuardrailDirectory(baseDirectory);
        }

        throw new DirectoryNotFoundException(
            $"No shared/data/guardrail above {directory.FullName}; the data lives beside the repository in ../shared/data.");
    }
}
