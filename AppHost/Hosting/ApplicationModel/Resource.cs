using System.Text.RegularExpressions;

namespace SecureRag.Hosting.ApplicationModel;

/// <summary>The base of every resource: a validated name and its annotations.</summary>
public abstract partial class Resource : IResource
{
    /// <summary>Creates a resource named <paramref name="name"/> (lowercase kebab-case, at most 40 characters).</summary>
    protected Resource(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"Resource name '{name}' is not valid: use lowercase letters, digits and '-', starting with a letter, at most 40 characters.",
                nameof(name));
        }

        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public ResourceAnnotationCollection Annotations { get; } = [];

    /// <inheritdoc />
    public override string ToString() => Name;

    // A name is also a PostgreSQL role, an environment-variable segment and a URI host: keep it to a safe alphabet.
    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex NamePattern();
}
