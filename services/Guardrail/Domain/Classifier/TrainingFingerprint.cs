using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SecureRag.Guardrail.Domain.Normalization;

namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>
/// Which texts a model was trained on, as 64-bit hashes of each training text and of each of its sentences and lines
/// of 20 characters or more (folded). A text overlaps the training data when it, or any such sentence or line of it,
/// is in the set: stricter than exact match, so attacks reused with a different prefix still count as seen.
/// </summary>
public sealed class TrainingFingerprint(IReadOnlyCollection<ulong> hashes)
{
    private const int MinUnitChars = 20;

    private readonly HashSet<ulong> _hashes = [.. hashes];

    public int Count => _hashes.Count;

    public IEnumerable<ulong> Hashes => _hashes.Order();

    public bool Overlaps(string text) => Units(text).Any(_hashes.Contains);

    /// <summary>The hashes a training text contributes.</summary>
    public static IEnumerable<ulong> Units(string text)
    {
        var folded = Collapse(TextNormalizer.Normalize(text).Folded);
        if (folded.Length > 0)
        {
            yield return Hash(folded);
        }

        foreach (var unit in folded.Split(['\n', '.', '!', '?', '。', '！', '？', '|'], StringSplitOptions.TrimEntries))
        {
            if (unit.Length >= MinUnitChars)
            {
                yield return Hash(Collapse(unit));
            }
        }
    }

    /// <summary>First eight bytes of SHA-256 of the UTF-8 text, big-endian: the same on every machine.</summary>
    public static ulong Hash(string text) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Collapse(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
