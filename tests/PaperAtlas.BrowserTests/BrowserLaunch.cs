using Microsoft.Playwright;

namespace PaperAtlas.BrowserTests;

/// <summary>
/// Finds the Chromium or Chrome a runner has and launches it headless; never downloads one. In order: the executable
/// <see cref="PathVariable"/> names, then the usual install paths (Debian's chromium, Ubuntu's snap chromium-browser,
/// Google Chrome), then Playwright's <c>chrome</c> channel (Chrome where Google installs it). With none that starts,
/// the launch fails with one line that says what was tried and what to do.
/// </summary>
public static class BrowserLaunch
{
    /// <summary>Names a Chromium or Chrome executable to use instead of the usual paths.</summary>
    public const string PathVariable = "PAPER_ATLAS_BROWSER";

    public static readonly IReadOnlyList<string> UsualPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private const string ChromeChannel = "chrome";

    private static readonly string[] Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    /// <summary>One way to start a browser: an executable, or a Playwright channel.</summary>
    public sealed record Candidate(string? ExecutablePath, string? Channel)
    {
        public override string ToString() => ExecutablePath ?? $"Playwright's '{Channel}' channel";
    }

    /// <summary>
    /// The browsers to try, in order. A variable naming a missing file is a mistake to report, not a reason to fall back
    /// to another browser; it yields no candidate and <paramref name="problem"/> says why.
    /// </summary>
    public static IReadOnlyList<Candidate> Candidates(Func<string, string?> environment, Func<string, bool> fileExists, out string? problem)
    {
        problem = null;
        if (environment(PathVariable) is { Length: > 0 } named)
        {
            if (fileExists(named))
            {
                return [new Candidate(named, null)];
            }

            problem = $"{PathVariable} names '{named}', which does not exist";
            return [];
        }

        return [.. UsualPaths.Where(fileExists).Select(path => new Candidate(path, null)), new Candidate(null, ChromeChannel)];
    }

    /// <summary>Launches the browser this machine has; throws one line naming every attempt when none starts.</summary>
    public static Task<(IBrowser Browser, Candidate From)> LaunchAsync(IPlaywright playwright)
    {
        var candidates = Candidates(Environment.GetEnvironmentVariable, File.Exists, out var problem);
        return LaunchFirstAsync(playwright, candidates, problem);
    }

    /// <summary>Launches the first of <paramref name="candidates"/> that starts.</summary>
    /// <param name="problem">Why there are no candidates, when there are none.</param>
    public static async Task<(IBrowser Browser, Candidate From)> LaunchFirstAsync(IPlaywright playwright, IReadOnlyList<Candidate> candidates, string? problem)
    {
        var failures = new List<string>();
        foreach (var candidate in candidates)
        {
            try
            {
                var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = candidate.ExecutablePath,
                    Channel = candidate.Channel,
                    Headless = true,
                    Args = Args,
                });
                return (browser, candidate);
            }
            catch (PlaywrightException ex)
            {
                failures.Add($"{candidate} did not start ({FirstLine(ex.Message)})");
            }
        }

        var tried = problem ?? string.Join("; ", failures);
        throw new InvalidOperationException(
            $"no Chromium or Chrome to run the browser tests: {tried} — install one (`apt-get install chromium`) or set {PathVariable} to its executable");
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
