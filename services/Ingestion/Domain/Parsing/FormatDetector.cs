namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>
/// Decides a file's format from its name and declared content type, then checks the first bytes agree: a name or
/// type alone is never trusted to open a binary parser, and a binary file is never read as text.
/// </summary>
public static class FormatDetector
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeadLength = 1024;

    private static readonly Dictionary<string, DocumentFormat> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = DocumentFormat.Text,
        [".text"] = DocumentFormat.Text,
        [".md"] = DocumentFormat.Markdown,
        [".markdown"] = DocumentFormat.Markdown,
        [".html"] = DocumentFormat.Html,
        [".htm"] = DocumentFormat.Html,
        [".pdf"] = DocumentFormat.Pdf,
        [".docx"] = DocumentFormat.Docx,
        [".csv"] = DocumentFormat.Csv,
        [".json"] = DocumentFormat.Json,
    };

    private static readonly Dictionary<string, DocumentFormat> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/plain"] = DocumentFormat.Text,
        ["text/markdown"] = DocumentFormat.Markdown,
        ["text/x-markdown"] = DocumentFormat.Markdown,
        ["text/html"] = DocumentFormat.Html,
        ["application/xhtml+xml"] = DocumentFormat.Html,
        ["application/pdf"] = DocumentFormat.Pdf,
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = DocumentFormat.Docx,
        ["text/csv"] = DocumentFormat.Csv,
        ["application/json"] = DocumentFormat.Json,
    };

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFileMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // Encrypted Office files are OLE compound files holding a stream of this name (MS-OFFCRYPTO).
    private static readonly byte[] EncryptedPackageName = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"u8.ToArray();

    private static readonly byte[][] OtherBinaryMagics =
    [
        [0x89, 0x50, 0x4E, 0x47], // PNG
        [0xFF, 0xD8, 0xFF], // JPEG
        "GIF8"u8.ToArray(),
        [0x1F, 0x8B], // gzip
        "7z"u8.ToArray(),
        "Rar!"u8.ToArray(),
        [0x7F, 0x45, 0x4C, 0x46], // ELF
        "MZ"u8.ToArray(),
    ];

    /// <param name="head">The first <see cref="HeadLength"/> bytes (fewer for a short file).</param>
    /// <param name="compoundFile">Reads the whole file when it is an OLE compound file, to tell encrypted from legacy.</param>
    public static DocumentFormat Detect(string fileName, string? contentType, ReadOnlySpan<byte> head, Func<bool>? compoundFileIsEncrypted = null)
    {
        if (head.StartsWith(CompoundFileMagic))
        {
            throw compoundFileIsEncrypted?.Invoke() == true
                ? new DocumentRejectedException(RejectionCode.Encrypted, "The file is a password-protected Office document; remove the password and upload it again.")
                : new DocumentRejectedException(RejectionCode.UnsupportedFormat, "Legacy binary Office formats (.doc, .xls, .ppt) are not supported; save the file as .docx.");
        }

        var declared = FromName(fileName) ?? FromContentType(contentType)
            ?? throw new DocumentRejectedException(RejectionCode.UnsupportedFormat,
                $"The format of '{Path.GetFileName(fileName)}' is not supported; upload txt, md, html, pdf, docx, csv or json.");

        switch (declared)
        {
            case DocumentFormat.Pdf:
                if (head.IndexOf(PdfMagic) < 0)
                {
                    throw new DocumentRejectedException(RejectionCode.Corrupt, "The file is named as a PDF but does not start like one.");
                }

                break;
            case DocumentFormat.Docx:
                if (!head.StartsWith(ZipMagic))
                {
                    throw new DocumentRejectedException(RejectionCode.Corrupt, "The file is named as a .docx but is not a zip package.");
                }

                break;
            default:
                if (head.StartsWith(PdfMagic) || head.StartsWith(ZipMagic) || StartsWithAny(head, OtherBinaryMagics))
                {
                    throw new DocumentRejectedException(RejectionCode.UnsupportedFormat,
                        $"The file is named as {declared.Name()} but holds binary content of another format.");
                }

                break;
        }

        return declared;
    }

    /// <summary>Whether an OLE compound file holds an encrypted Office package (its directory names the stream).</summary>
    public static bool ContainsEncryptedPackage(Stream content)
    {
        var buffer = new byte[64 * 1024];
        var carry = EncryptedPackageName.Length - 1;
        content.Position = 0;
        var filled = 0;
        int read;
        while ((read = content.Read(buffer, filled, buffer.Length - filled)) > 0)
        {
            var length = filled + read;
            if (buffer.AsSpan(0, length).IndexOf(EncryptedPackageName) >= 0)
            {
                return true;
            }

            // Keep the tail, in case the name straddles two reads.
            var keep = Math.Min(carry, length);
            buffer.AsSpan(length - keep, keep).CopyTo(buffer);
            filled = keep;
        }

        return false;
    }

    private static bool StartsWithAny(ReadOnlySpan<byte> head, byte[][] magics)
    {
        foreach (var magic in magics)
        {
            if (head.StartsWith(magic))
            {
                return true;
            }
        }

        return false;
    }

    private static DocumentFormat? FromName(string fileName) =>
        Extensions.TryGetValue(Path.GetExtension(fileName), out var format) ? format : null;

    private static DocumentFormat? FromContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return ContentTypes.TryGetValue(mediaType, out var format) ? format : null;
    }
}
