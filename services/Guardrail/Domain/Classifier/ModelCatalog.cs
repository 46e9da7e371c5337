namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>
/// The classifiers shipped in this assembly (embedded <c>Models/*.model</c>, see <c>Models/README.md</c> for their
/// provenance). Loaded once; no model is ever downloaded at run time.
/// </summary>
public static class ModelCatalog
{
    public const string InputModel = "input";
    public const string ContextModel = "context";

    private static readonly Lazy<InjectionClassifier?> Input = new(() => Load(InputModel));
    private static readonly Lazy<InjectionClassifier?> Context = new(() => Load(ContextModel));

    /// <summary>The input-rail classifier; null only in a build without trained weights (before the first training).</summary>
    public static InjectionClassifier? ForInput => Input.Value;

    public static InjectionClassifier? ForContext => Context.Value;

    public static IReadOnlyList<string> Provenance(string name)
    {
        using var stream = Open(name);
        return stream is null ? [] : ModelFile.Read(stream).Provenance;
    }

    private static InjectionClassifier? Load(string name)
    {
        using var stream = Open(name);
        if (stream is null)
        {
            return null;
        }

        var (model, fingerprint, _) = ModelFile.Read(stream);
        return new InjectionClassifier(model, fingerprint);
    }

    private static Stream? Open(string name) =>
        typeof(ModelCatalog).Assembly.GetManifestResourceStream($"models/{name}.model");
}
