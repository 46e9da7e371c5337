using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace SecureRag.Audit.Grpc;

/// <summary>
/// An opaque page cursor: the sequence to continue below. It carries no tenant, and every query is scoped by the
/// caller's tenant anyway, so a crafted cursor reveals nothing.
/// </summary>
public static class QueryCursor
{
    public static string Encode(long? before) =>
        before is { } sequence ? Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"s{sequence.ToString(CultureInfo.InvariantCulture)}")) : "";

    public static long? Decode(string cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith('s') && long.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                return sequence;
            }
        }
        catch (FormatException)
        {
            // Reported below.
        }

        throw AuditErrors.InvalidArgument("The cursor is not valid: pass next_cursor from the previous page unchanged.");
    }
}
