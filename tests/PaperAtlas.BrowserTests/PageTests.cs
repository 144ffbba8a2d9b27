namespace PaperAtlas.BrowserTests;

/// <summary>Pages in a real browser: no console errors, no Content-Security-Policy violations, scripts working.</summary>
[Collection(BrowserGroup.Name)]
public sealed class PageTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/", 1280)]
    [InlineData("/", 390)]
    [InlineData("/papers/", 1280)]
    [InlineData("/papers/1706.03762/", 1280)]
    [InlineData("/papers/1706.03762/", 390)]
    [InlineData("/topics/peft/", 1280)]
    [InlineData("/years/2023/", 1280)]
    [InlineData("/lists/llm-knowledge-report/", 1280)]
    [InlineData("/lists/llm-knowledge-report/", 390)]
    [InlineData("/lists/llmfreshman/", 1280)]
    [InlineData("/search/?q=lora", 1280)]
    [InlineData("/contribute/", 1280)]
    public async Task A_page_loads_without_console_errors_or_policy_violations(string path, int width)
    {
        var problems = new List<string>();
        var page = await fixture.NewPage(problems, width);
        await page.GotoAsync(fixture.Server.Url(path));
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        Assert.Empty(problems);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the page scrolls sideways");
    }

    [Fact]
    public async Task The_paper_table_filters_and_sorts_without_a_page_load()
    {
        var problems = new List<string>();
        var page = await fixture.NewPage(problems);
        await page.GotoAsync(fixture.Server.Url("/papers/"));
        var rows = page.Locator("table.papers tbody tr:visible");
        var all = await rows.CountAsync();
        await page.FillAsync("#paper-filter", "lora");
        Assert.InRange(await rows.CountAsync(), 1, all - 1);
        await page.FillAsync("#paper-filter", "");
        await page.ClickAsync("th[data-sort=number]");
        await page.ClickAsync("th[data-sort=number]");
        Assert.Equal("descending", await page.GetAttributeAsync("th[data-sort=number]", "aria-sort"));
        Assert.Empty(problems);
    }
}
