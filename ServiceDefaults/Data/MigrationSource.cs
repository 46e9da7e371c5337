using System.Reflection;

namespace SecureRag.ServiceDefaults.Data;

/// <summary>
/// Migrations embedded in an assembly as <c>*.sql</c> resources whose logical names start with
/// <paramref name="prefix"/> (<c>migrations/0001_init.sql</c>), applied in name order.
/// Sources apply in registration order: the shared messaging tables first, then the service's own.
/// </summary>
public sealed class MigrationSource(string name, Assembly assembly, string prefix = "migrations/")
{
    public string Name { get; } = name;

    public IReadOnlyList<Migration> Load()
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(r => r.StartsWith(prefix, StringComparison.Ordinal) && r.EndsWith(".sql", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var file = resource[prefix.Length..^".sql".Length];
            migrations.Add(new Migration($"{Name}/{file}", reader.ReadToEnd()));
        }

        return migrations;
    }
}
