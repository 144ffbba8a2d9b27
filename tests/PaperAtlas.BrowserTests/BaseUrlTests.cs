using Microsoft.Playwright;

namespace PaperAtlas.BrowserTests;

/// <summary>A site built for a sub-path (GitHub Pages project sites) searches and navigates under that path.</summary>
[Collection(BrowserGroup.Name)]
public sealed class BaseUrlTests(BrowserFixture fixture) : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "atlas-subpath-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Search_works_under_a_base_url()
    {
        var build = SiteBuilder.Build(new BuildOptions(BrowserFixture.Content, _output, "/paper-atlas/", Path.Combine(BrowserFixture.Root, "templates")));
        Assert.True(build.Written);
        using var server = new StaticServer(_output, "/paper-atlas/");
        var problems = new List<string>();
        var page = await fixture.NewPage(problems);
        await page.GotoAsync(server.Url("/paper-atlas/search/?q=" + Uri.EscapeDataString("注意力")));
        await page.Locator("#search-status:not(:empty)").WaitForAsync();
        var first = await page.Locator("#search-results a").First.GetAttributeAsync("href");
        Assert.StartsWith("/paper-atlas/papers/", first, StringComparison.Ordinal);
        await page.Locator("#search-results a").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(200, (await page.GotoAsync(page.Url))!.Status);
        Assert.Empty(problems);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
