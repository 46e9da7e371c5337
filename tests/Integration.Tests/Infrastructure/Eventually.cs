namespace SecureRag.Integration.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a deadline passes; every wait in these tests is bounded.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // A dependency being restarted may refuse for a moment.
            }

            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Polls <paramref name="probe"/> until it answers a value, and returns that value.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class
    {
        T? value = null;
        await TrueAsync(async () => (value = await probe()) is not null, timeout, what);
        return value!;
    }
}
