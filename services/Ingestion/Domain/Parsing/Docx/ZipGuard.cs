using System.Buffers.Binary;
using System.IO.Compression;

namespace SecureRag.Ingestion.Domain.Parsing.Docx;

/// <summary>
/// Checks a zip package before any Office library opens it: the entry count from the end-of-central-directory record
/// (before the directory itself is read into memory), then every entry inflated into a scratch buffer and counted,
/// so the total expanded size is known from the data, not from sizes the file merely declares.
/// </summary>
public static class ZipGuard
{
    private const uint EndOfCentralDirectory = 0x06054b50;
    private const uint Zip64Locator = 0x07064b50;

    public static void Check(Stream content, ParseLimits limits, CancellationToken cancellationToken)
    {
        var entries = DeclaredEntryCount(content);
        if (entries > limits.MaxZipEntries)
        {
            throw TooMany(limits);
        }

        content.Position = 0;
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentRejectedException(RejectionCode.Corrupt, "The file is not a readable zip package.", ex);
        }

        using (archive)
        {
            if (archive.Entries.Count > limits.MaxZipEntries)
            {
                throw TooMany(limits);
            }

            var scratch = new byte[64 * 1024];
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (total + entry.Length > limits.MaxExpandedBytes)
                {
                    throw TooLarge(limits);
                }

                try
                {
                    using var stream = entry.Open();
                    int read;
                    while ((read = stream.Read(scratch, 0, scratch.Length)) > 0)
                    {
                        total += read;
                        if (total > limits.MaxExpandedBytes)
                        {
                            throw TooLarge(limits);
                        }
                    }
                }
                catch (InvalidDataException ex)
                {
                    throw new DocumentRejectedException(RejectionCode.Corrupt, "An entry of the zip package is damaged.", ex);
                }
            }
        }

        content.Position = 0;
    }

    /// <summary>The entry count the end-of-central-directory record states (its ZIP64 form counts as unlimited).</summary>
    private static long DeclaredEntryCount(Stream content)
    {
        // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
        var tail = (int)Math.Min(content.Length, 22 + ushort.MaxValue);
        var buffer = new byte[tail];
        content.Position = content.Length - tail;
        content.ReadExactly(buffer);
        for (var i = tail - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) != EndOfCentralDirectory)
            {
                continue;
            }

            var count = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
            var zip64 = i >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i - 20)) == Zip64Locator;
            return count == ushort.MaxValue || zip64 ? long.MaxValue : count;
        }

        throw new DocumentRejectedException(RejectionCode.Corrupt, "The file is not a readable zip package (no central directory).");
    }

    private static DocumentRejectedException TooMany(ParseLimits limits) =>
        new(RejectionCode.ExpansionLimit, $"The package holds more than {limits.MaxZipEntries} entries.");

    private static DocumentRejectedException TooLarge(ParseLimits limits) =>
        new(RejectionCode.ExpansionLimit, $"The package expands beyond {limits.MaxExpandedBytes} bytes.");
}
