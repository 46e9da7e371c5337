namespace SecureRag.Retrieval.Domain.Analysis;

/// <summary>
/// The Porter stemming algorithm (M. F. Porter, 1980, "An algorithm for suffix stripping"), following the author's
/// reference ANSI C implementation, as Lucene's <c>PorterStemFilter</c> does. Input is a lower-case word.
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        // Words of one or two letters are left alone (the reference implementation's documented departure).
        if (word.Length <= 2)
        {
            return word;
        }

        var buffer = new PorterBuffer(word);
        buffer.Step1ab();
        if (buffer.End > 0)
        {
            buffer.Step1c();
            buffer.Step2();
            buffer.Step3();
            buffer.Step4();
            buffer.Step5();
        }

        return buffer.ToString();
    }
}
