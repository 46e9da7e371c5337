namespace SecureRag.Inference.Domain;

public enum ModelFailureKind
{
    /// <summary>The runtime cannot be reached, is failing, or its circuit is open. Worth retrying later.</summary>
    Unavailable,

    /// <summary>The call took longer than the model's timeout.</summary>
    Timeout,

    /// <summary>The egress policy refused the connection. Not worth retrying.</summary>
    EgressDenied,

    /// <summary>The runtime refused the request (4xx): wrong model id, credentials, parameters.</summary>
    Rejected,
}
