namespace SecureRag.Hosting.Orchestration;

/// <summary>Writes files that may hold secrets: created anew with mode 0600, so they are never readable by others, even briefly.</summary>
internal static class SecureFile
{
    public static void WriteAllText(string path, string contents)
    {
        File.Delete(path);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using var writer = new StreamWriter(path, options);
        writer.Write(contents);
    }
}
