using System.Security.Cryptography;

namespace SecureRag.Inference.Domain;

/// <summary>Per-request random markers: the canary the output rail looks for, and the passages' fence.</summary>
public static class Canary
{
    /// <summary>128 random bits; unguessable, so its presence in an answer means the prompt leaked.</summary>
    public static string NewCanary() => "CANARY-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A fence no document can close, because no document can know it.</summary>
    public static string NewFence() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
