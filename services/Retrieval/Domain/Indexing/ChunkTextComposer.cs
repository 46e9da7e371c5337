namespace SecureRag.Retrieval.Domain.Indexing;

/// <summary>
/// The text a chunk is indexed lexically by: the document title and the chunk's heading path before its own text,
/// so a chunk deep in a document still matches a question that names the document's subject.
/// </summary>
public static class ChunkTextComposer
{
    public static string Compose(string title, IReadOnlyList<string> headingPath, string text) =>
        string.Join('\n', new[] { title }.Concat(headingPath).Append(text).Where(s => s.Length > 0));
}
