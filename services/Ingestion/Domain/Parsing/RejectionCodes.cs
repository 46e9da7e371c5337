namespace SecureRag.Ingestion.Domain.Parsing;

public static class RejectionCodes
{
    public static string Code(this RejectionCode code) => code switch
    {
        RejectionCode.TooLarge => "document.too_large",
        RejectionCode.UnsupportedFormat => "document.unsupported_format",
        RejectionCode.Encrypted => "document.encrypted",
        RejectionCode.Corrupt => "document.corrupt",
        RejectionCode.ExpansionLimit => "document.expansion_limit",
        RejectionCode.Encoding => "document.encoding",
        RejectionCode.Empty => "document.empty",
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };
}
