using System.IO.Compression;
using System.Text;

namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>
/// The shipped model format: gzip of a little-endian record — magic "SRGM", format version, name, hash bits, bias,
/// the non-zero weights (index delta as a 7-bit varint, weight as half precision), the training fingerprint and the
/// provenance lines (source files and their SHA-256, split rule, hyper-parameters). Written byte-identically for the
/// same training run, so a retrain can be checked with <c>cmp</c>.
/// </summary>
public static class ModelFile
{
    private const int Magic = 0x4D475253; // "SRGM"
    private const int FormatVersion = 1;

    public static void Write(Stream stream, LinearModel model, TrainingFingerprint fingerprint, IReadOnlyList<string> provenance)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(model.Name);
        writer.Write(model.Bits);
        writer.Write(model.Bias);

        var weights = model.Weights;
        var nonZero = 0;
        foreach (var w in weights)
        {
            nonZero += (Half)w != Half.Zero ? 1 : 0;
        }

        writer.Write(nonZero);
        var previous = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var half = (Half)weights[i];
            if (half == Half.Zero)
            {
                continue;
            }

            writer.Write7BitEncodedInt(i - previous);
            writer.Write(half);
            previous = i;
        }

        var hashes = fingerprint.Hashes.ToArray();
        writer.Write(hashes.Length);
        foreach (var hash in hashes)
        {
            writer.Write(hash);
        }

        writer.Write(provenance.Count);
        foreach (var line in provenance)
        {
            writer.Write(line);
        }
    }

    public static (LinearModel Model, TrainingFingerprint Fingerprint, IReadOnlyList<string> Provenance) Read(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Not a SecureRag guardrail model (format version 1).");
        }

        var name = reader.ReadString();
        var bits = reader.ReadInt32();
        var bias = reader.ReadSingle();
        var weights = new float[1 << bits];
        var count = reader.ReadInt32();
        var index = 0;
        for (var i = 0; i < count; i++)
        {
            index += reader.Read7BitEncodedInt();
            weights[index] = (float)reader.ReadHalf();
        }

        var hashes = new ulong[reader.ReadInt32()];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = reader.ReadUInt64();
        }

        var provenance = new string[reader.ReadInt32()];
        for (var i = 0; i < provenance.Length; i++)
        {
            provenance[i] = reader.ReadString();
        }

        return (new LinearModel(name, bits, bias, weights), new TrainingFingerprint(hashes), provenance);
    }
}
