using Microsoft.Playwright;

namespace SecureRag.Dashboard.Tests.Infrastructure;

/// <summary>Saves the screenshots the README shows into <c>docs/screenshots/</c> of the repository.</summary>
public static class Screenshots
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "docs", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name), FullPage = false });
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SecureRag.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No SecureRag.sln above {AppContext.BaseDirectory}.");
    }
}
