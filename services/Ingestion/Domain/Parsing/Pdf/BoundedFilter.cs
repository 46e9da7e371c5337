using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace SecureRag.Ingestion.Domain.Parsing.Pdf;

/// <summary>
/// A PdfPig filter that charges the decode budget with the measured output size before decoding. Filters without a
/// measure (image codecs, decoded only when images are extracted, which text extraction never asks for) are charged
/// with what they produced.
/// </summary>
internal sealed class BoundedFilter(IFilter inner, DecodeBudget budget, Func<ReadOnlyMemory<byte>, DictionaryToken, int, long, long>? measure) : IFilter
{
    public bool IsSupported => inner.IsSupported;

    public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
    {
        if (measure is not null)
        {
            budget.Charge(measure(input, streamDictionary, filterIndex, budget.MaxStreamBytes));
            return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        }

        var decoded = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        budget.Charge(decoded.Length);
        return decoded;
    }
}
