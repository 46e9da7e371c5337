namespace SecureRag.ServiceDefaults.Files;

/// <summary>Files holding secrets (keys, certificates, credentials): readable and writable by their owner only.</summary>
public static class OwnerOnlyFile
{
    /// <summary>Opens <paramref name="path"/> for writing with mode 0600, creating its folder.</summary>
    public static FileStream Open(string path, FileMode mode)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
