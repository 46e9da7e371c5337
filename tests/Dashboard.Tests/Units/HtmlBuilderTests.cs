using SecureRag.Hosting.Dashboard.Rendering;

namespace SecureRag.Dashboard.Tests.Units;

public sealed class HtmlBuilderTests
{
    [Fact]
    public void EveryInterpolatedValueIsEncodedAndOnlyRawHtmlIsNot()
    {
        var hostile = "\"><script>alert('x')</script>&";
        var html = new HtmlBuilder();

        html.Append($"""<td title="{hostile}">{hostile}</td>{new RawHtml("<b>kept</b>")}{42}{Guid.Empty}""");

        var text = html.ToString();
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"><", text, StringComparison.Ordinal);
        Assert.StartsWith("<td title=\"&quot;&gt;&lt;script&gt;", text, StringComparison.Ordinal);
        Assert.Contains("<b>kept</b>42" + Guid.Empty, text, StringComparison.Ordinal);
    }

    [Fact]
    public void LettersOfEveryScriptStayReadable()
    {
        var html = new HtmlBuilder();
        html.Append($"<p>{"Grüße, 東京 — ok"}</p>");
        Assert.Equal("<p>Grüße, 東京 — ok</p>", html.ToString());
    }

    [Fact]
    public void LinksEscapeTheirValues() =>
        Assert.Equal("/audit?action=a%26b&trace=x%22y", Url.Of("/audit", ("action", "a&b"), ("app", null), ("trace", "x\"y")));
}
