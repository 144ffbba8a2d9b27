using Microsoft.Playwright;

namespace PaperAtlas.BrowserTests;

/// <summary>Which browser the tests drive on a runner, and how they fail when it has none (no browser needed here).</summary>
public sealed class BrowserLaunchTests
{
    private static IReadOnlyList<BrowserLaunch.Candidate> Candidates(string? variable, params string[] existing) =>
        BrowserLaunch.Candidates(name => name == BrowserLaunch.PathVariable ? variable : null, existing.Contains, out _);

    [Fact]
    public void The_environment_variable_comes_before_every_usual_path()
    {
        Assert.Equal([new BrowserLaunch.Candidate("/opt/chrome/chrome", null)], Candidates("/opt/chrome/chrome", "/opt/chrome/chrome", "/usr/bin/chromium"));
    }

    [Fact]
    public void Debian_chromium_then_ubuntu_chromium_browser_then_google_chrome_then_the_chrome_channel()
    {
        Assert.Equal(
            ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "Playwright's 'chrome' channel"],
            Candidates(null, "/usr/bin/google-chrome", "/usr/bin/chromium-browser", "/usr/bin/chromium").Select(c => c.ToString()));
    }

    [Fact]
    public void Google_chrome_is_used_when_it_is_the_only_browser_installed()
    {
        Assert.Equal(new BrowserLaunch.Candidate("/usr/bin/google-chrome", null), Candidates(null, "/usr/bin/google-chrome")[0]);
    }

    [Fact]
    public void A_variable_naming_a_missing_file_is_reported_not_passed_over()
    {
        var candidates = BrowserLaunch.Candidates(_ => "/nowhere/chrome", _ => false, out var problem);

        Assert.Empty(candidates);
        Assert.Equal($"{BrowserLaunch.PathVariable} names '/nowhere/chrome', which does not exist", problem);
    }

    [Fact]
    public async Task With_no_browser_that_starts_the_launch_fails_with_one_line_saying_what_to_do()
    {
        using var playwright = await Playwright.CreateAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            BrowserLaunch.LaunchFirstAsync(playwright, [new BrowserLaunch.Candidate("/nowhere/chromium", null)], null));

        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith("no Chromium or Chrome to run the browser tests: /nowhere/chromium did not start (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"set {BrowserLaunch.PathVariable} to its executable", error.Message, StringComparison.Ordinal);
    }
}
