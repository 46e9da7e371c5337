namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>The rails a rule runs on.</summary>
[Flags]
public enum Rails
{
    None = 0,
    Input = 1,
    Context = 2,
    Output = 4,
    InputAndContext = Input | Context,
    All = Input | Context | Output,
}
