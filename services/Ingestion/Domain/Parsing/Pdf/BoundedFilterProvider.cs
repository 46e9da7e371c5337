using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace SecureRag.Ingestion.Domain.Parsing.Pdf;

/// <summary>
/// PdfPig's filters, each behind a <see cref="BoundedFilter"/> sharing one document's <see cref="DecodeBudget"/>.
/// Set as <c>ParsingOptions.FilterProvider</c>, it is what every stream of the document is decoded through.
/// </summary>
internal sealed class BoundedFilterProvider(DecodeBudget budget) : BaseFilterProvider(Create(budget))
{
    private static Dictionary<string, IFilter> Create(DecodeBudget budget)
    {
        var flate = new BoundedFilter(new FlateFilter(), budget, (input, _, _, limit) => DecodedSize.Flate(input, limit));
        var lzw = new BoundedFilter(new LzwFilter(), budget, (input, dictionary, index, limit) =>
            DecodedSize.Lzw(input.Span, EarlyChange(dictionary, index), limit));
        var runLength = new BoundedFilter(new RunLengthFilter(), budget, (input, _, _, limit) => DecodedSize.RunLength(input.Span, limit));
        var ascii85 = new BoundedFilter(new Ascii85Filter(), budget, (input, _, _, _) => DecodedSize.Ascii85(input.Span));
        var asciiHex = new BoundedFilter(new AsciiHexDecodeFilter(), budget, (input, _, _, _) => (input.Length + 1) / 2);
        var ccitt = new BoundedFilter(new CcittFaxDecodeFilter(), budget, null);
        var dct = new BoundedFilter(new DctDecodeFilter(), budget, null);
        var jbig2 = new BoundedFilter(new Jbig2DecodeFilter(), budget, null);
        var jpx = new BoundedFilter(new JpxDecodeFilter(), budget, null);
        return new Dictionary<string, IFilter>
        {
            ["FlateDecode"] = flate,
            ["Fl"] = flate,
            ["LZWDecode"] = lzw,
            ["LZW"] = lzw,
            ["RunLengthDecode"] = runLength,
            ["RL"] = runLength,
            ["ASCII85Decode"] = ascii85,
            ["A85"] = ascii85,
            ["ASCIIHexDecode"] = asciiHex,
            ["AHx"] = asciiHex,
            ["CCITTFaxDecode"] = ccitt,
            ["CCF"] = ccitt,
            ["DCTDecode"] = dct,
            ["DCT"] = dct,
            ["JBIG2Decode"] = jbig2,
            ["JPXDecode"] = jpx,
        };
    }

    private static int EarlyChange(DictionaryToken dictionary, int filterIndex) =>
        DecodeParameterResolver.GetFilterParameters(dictionary, filterIndex).TryGet(NameToken.Create("EarlyChange"), out NumericToken value)
            ? value.Int
            : 1;
}
