namespace SecureRag.Retrieval.Domain.Analysis;

/// <summary>
/// The working state of <see cref="PorterStemmer"/>: the word in <c>b[0..k]</c> and <c>j</c>, the end of the stem
/// before a matched suffix. Names follow the reference implementation so the two can be compared line by line.
/// </summary>
internal sealed class PorterBuffer(string word)
{
    private readonly char[] b = [.. word, .. "    "];
    private int k = word.Length - 1;
    private int j;

    public int End => k;

    public override string ToString() => new(b, 0, k + 1);

    public void Step1ab()
    {
        if (b[k] == 's')
        {
            if (Ends("sses"))
            {
                k -= 2;
            }
            else if (Ends("ies"))
            {
                SetTo("i");
            }
            else if (b[k - 1] != 's')
            {
                k--;
            }
        }

        if (Ends("eed"))
        {
            if (Measure() > 0)
            {
                k--;
            }
        }
        else if ((Ends("ed") || Ends("ing")) && VowelInStem())
        {
            k = j;
            if (Ends("at"))
            {
                SetTo("ate");
            }
            else if (Ends("bl"))
            {
                SetTo("ble");
            }
            else if (Ends("iz"))
            {
                SetTo("ize");
            }
            else if (DoubleConsonant(k))
            {
                k--;
                if (b[k] is 'l' or 's' or 'z')
                {
                    k++;
                }
            }
            else if (Measure() == 1 && Cvc(k))
            {
                SetTo("e");
            }
        }
    }

    public void Step1c()
    {
        if (Ends("y") && VowelInStem())
        {
            b[k] = 'i';
        }
    }

    public void Step2() => ReplaceFirst(b[k - 1] switch
    {
        'a' => [("ational", "ate"), ("tional", "tion")],
        'c' => [("enci", "ence"), ("anci", "ance")],
        'e' => [("izer", "ize")],
        'l' => [("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous")],
        'o' => [("ization", "ize"), ("ation", "ate"), ("ator", "ate")],
        's' => [("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous")],
        't' => [("aliti", "al"), ("iviti", "ive"), ("biliti", "ble")],
        'g' => [("logi", "log")],
        _ => [],
    });

    public void Step3() => ReplaceFirst(b[k] switch
    {
        'e' => [("icate", "ic"), ("ative", ""), ("alize", "al")],
        'i' => [("iciti", "ic")],
        'l' => [("ical", "ic"), ("ful", "")],
        's' => [("ness", "")],
        _ => [],
    });

    public void Step4()
    {
        string[] suffixes = b[k - 1] switch
        {
            'a' => ["al"],
            'c' => ["ance", "ence"],
            'e' => ["er"],
            'i' => ["ic"],
            'l' => ["able", "ible"],
            'n' => ["ant", "ement", "ment", "ent"],
            'o' => ["ion", "ou"],
            's' => ["ism"],
            't' => ["ate", "iti"],
            'u' => ["ous"],
            'v' => ["ive"],
            'z' => ["ize"],
            _ => [],
        };
        foreach (var suffix in suffixes)
        {
            if (!Ends(suffix))
            {
                continue;
            }

            // "-ion" is removed only after s or t.
            if (suffix == "ion" && (j < 0 || b[j] is not ('s' or 't')))
            {
                continue;
            }

            if (Measure() > 1)
            {
                k = j;
            }

            return;
        }
    }

    public void Step5()
    {
        j = k;
        if (b[k] == 'e')
        {
            var m = Measure();
            if (m > 1 || (m == 1 && !Cvc(k - 1)))
            {
                k--;
            }
        }

        if (b[k] == 'l' && DoubleConsonant(k) && Measure() > 1)
        {
            k--;
        }
    }

    private void ReplaceFirst(ReadOnlySpan<(string Suffix, string Replacement)> rules)
    {
        foreach (var (suffix, replacement) in rules)
        {
            if (Ends(suffix))
            {
                if (Measure() > 0)
                {
                    SetTo(replacement);
                }

                return;
            }
        }
    }

    private bool IsConsonant(int i) => b[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(i - 1),
        _ => true,
    };

    /// <summary>m, the number of vowel-consonant sequences in <c>b[0..j]</c>.</summary>
    private int Measure()
    {
        var n = 0;
        var i = 0;
        while (true)
        {
            if (i > j)
            {
                return n;
            }

            if (!IsConsonant(i))
            {
                break;
            }

            i++;
        }

        i++;
        while (true)
        {
            while (true)
            {
                if (i > j)
                {
                    return n;
                }

                if (IsConsonant(i))
                {
                    break;
                }

                i++;
            }

            i++;
            n++;
            while (true)
            {
                if (i > j)
                {
                    return n;
                }

                if (!IsConsonant(i))
                {
                    break;
                }

                i++;
            }

            i++;
        }
    }

    private bool VowelInStem()
    {
        for (var i = 0; i <= j; i++)
        {
            if (!IsConsonant(i))
            {
                return true;
            }
        }

        return false;
    }

    private bool DoubleConsonant(int i) => i >= 1 && b[i] == b[i - 1] && IsConsonant(i);

    /// <summary>consonant-vowel-consonant ending at i, the last consonant not w, x or y.</summary>
    private bool Cvc(int i) =>
        i >= 2 && IsConsonant(i) && !IsConsonant(i - 1) && IsConsonant(i - 2) && b[i] is not ('w' or 'x' or 'y');

    private bool Ends(string suffix)
    {
        var length = suffix.Length;
        if (length > k + 1 || b[k] != suffix[^1] || !b.AsSpan(k - length + 1, length).SequenceEqual(suffix))
        {
            return false;
        }

        j = k - length;
        return true;
    }

    private void SetTo(string replacement)
    {
        replacement.CopyTo(0, b, j + 1, replacement.Length);
        k = j + replacement.Length;
    }
}
