namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>Why a policy document is invalid, at a JSON path such as <c>$.input.rules['pii.email'].action</c>.</summary>
public sealed record PolicyProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
