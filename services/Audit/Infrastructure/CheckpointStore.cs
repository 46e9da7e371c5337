using System.Text.Json;
using Microsoft.Extensions.Options;
using SecureRag.Audit.Domain;

namespace SecureRag.Audit.Infrastructure;

/// <summary>
/// Keeps the latest signed checkpoint in the file the operator configured, replaced atomically (write beside, then
/// rename), so a reader never sees half a checkpoint.
/// </summary>
public sealed class CheckpointStore(IOptions<AuditOptions> options, CheckpointSigner signer)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string? Path => string.IsNullOrWhiteSpace(options.Value.Checkpoint.Path) ? null : options.Value.Checkpoint.Path;

    public async Task WriteAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        var path = Path ?? throw new InvalidOperationException("No checkpoint path is configured.");
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var file = new CheckpointFile(1, checkpoint.Sequence, Convert.ToBase64String(checkpoint.Hmac), checkpoint.CreatedAt, Convert.ToBase64String(checkpoint.Signature));
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(file, Json), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    /// <returns>The checkpoint (null when none is configured or written yet), or a fault when it cannot be trusted.</returns>
    public async Task<(Checkpoint? Checkpoint, ChainFault? Fault)> ReadAsync(CancellationToken cancellationToken)
    {
        if (Path is not { } path || !File.Exists(path))
        {
            return (null, null);
        }

        try
        {
            var file = JsonSerializer.Deserialize<CheckpointFile>(await File.ReadAllTextAsync(path, cancellationToken), Json)
                ?? throw new JsonException("empty");
            var checkpoint = new Checkpoint(file.Sequence, Convert.FromBase64String(file.Hmac), file.CreatedAt, Convert.FromBase64String(file.Signature));
            return signer.IsAuthentic(checkpoint)
                ? (checkpoint, null)
                : (null, new ChainFault(file.Sequence, ChainFaultKind.CheckpointInvalid, "The checkpoint's signature is not valid."));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or IOException or UnauthorizedAccessException)
        {
            return (null, new ChainFault(0, ChainFaultKind.CheckpointInvalid, "The checkpoint file cannot be read."));
        }
    }
}
