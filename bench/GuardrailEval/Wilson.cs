namespace SecureRag.Bench.GuardrailEval;

/// <summary>The Wilson score interval for a binomial proportion (95%: z = 1.96); sound near 0 and 1, unlike the normal approximation.</summary>
public static class Wilson
{
    public static (double Low, double High) Interval(int successes, int trials, double z = 1.96)
    {
        if (trials == 0)
        {
            return (double.NaN, double.NaN);
        }

        var p = (double)successes / trials;
        var denominator = 1 + z * z / trials;
        var centre = (p + z * z / (2 * trials)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
