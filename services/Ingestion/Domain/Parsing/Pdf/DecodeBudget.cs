namespace SecureRag.Ingestion.Domain.Parsing.Pdf;

/// <summary>
/// How much one PDF's stream decoding may produce: per stream and in total. Charged before a stream is decoded, from
/// a measuring pass that inflates into a small scratch buffer, so a bomb is refused without ever being held.
/// </summary>
public sealed class DecodeBudget(ParseLimits limits)
{
    private long _total;

    public long MaxStreamBytes => limits.MaxPdfStreamBytes;

    public void Charge(long decodedBytes)
    {
        if (decodedBytes > limits.MaxPdfStreamBytes)
        {
            throw new DocumentRejectedException(RejectionCode.ExpansionLimit,
                $"A compressed stream of the PDF expands beyond {limits.MaxPdfStreamBytes} bytes.");
        }

        if (Interlocked.Add(ref _total, decodedBytes) > limits.MaxPdfDecodedBytes)
        {
            throw new DocumentRejectedException(RejectionCode.ExpansionLimit,
                $"The PDF's compressed streams expand beyond {limits.MaxPdfDecodedBytes} bytes in total.");
        }
    }
}
