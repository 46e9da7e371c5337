namespace SecureRag.Hosting.Orchestration;

/// <summary>Finds the repository root: the nearest folder, above the build output or the current directory, holding the marker file.</summary>
internal static class RepositoryLocator
{
    public static string Find(string marker)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, marker)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"Could not find the repository root ('{marker}') above '{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}'. Set AppHost:RepositoryRoot.");
    }
}
