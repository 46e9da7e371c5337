using System.Globalization;

namespace SecureRag.Hosting.Orchestration;

/// <summary>A local OS account, read from <c>/etc/passwd</c>.</summary>
/// <param name="Name">The login name.</param>
/// <param name="UserId">Its uid.</param>
/// <param name="GroupId">Its primary gid.</param>
internal sealed record OsUser(string Name, int UserId, int GroupId)
{
    public static OsUser Find(string name)
    {
        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length >= 4 && fields[0] == name)
            {
                return new OsUser(name, int.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture));
            }
        }

        throw new InvalidOperationException($"The OS user '{name}' does not exist (is PostgreSQL installed? run scripts/setup.sh).");
    }

    /// <summary>Makes this user the owner of <paramref name="path"/>.</summary>
    public void Own(string path)
    {
        if (LibC.Chown(path, UserId, GroupId) != 0)
        {
            throw new IOException($"chown {Name} '{path}' failed (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
        }
    }
}
