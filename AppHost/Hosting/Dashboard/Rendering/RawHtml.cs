namespace SecureRag.Hosting.Dashboard.Rendering;

/// <summary>Markup an <see cref="HtmlBuilder"/> inserts without encoding: only ever markup this code produced.</summary>
/// <param name="Markup">The markup.</param>
internal readonly record struct RawHtml(string Markup)
{
    public static readonly RawHtml Empty = new("");

    public static RawHtml If(bool condition, string markup) => condition ? new RawHtml(markup) : Empty;
}
