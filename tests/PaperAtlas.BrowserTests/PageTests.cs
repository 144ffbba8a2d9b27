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
    [InlineData("/graph/", 1280)]
    [InlineData("/graph/", 390)]
    [InlineData("/papers/2310.03744/", 390)]
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

    [Fact]
    public async Task The_graph_filters_by_topic_and_year()
    {
        var problems = new List<string>();
        var page = await fixture.NewPage(problems);
        await page.GotoAsync(fixture.Server.Url("/graph/"));
        var all = await page.Locator("svg.graph-svg a.node").CountAsync();
        var shown = page.Locator("svg.graph-svg a.node:not(.filtered)");
        await page.SelectOptionAsync("select[data-filter='topic']", "peft");
        var inTopic = await shown.CountAsync();
        Assert.InRange(inTopic, 1, all - 1);
        Assert.Equal(inTopic, await page.Locator("svg.graph-svg a.node:not(.filtered)[data-topics~='peft']").CountAsync());
        await page.SelectOptionAsync("select[data-filter='year']", "2023");
        Assert.InRange(await shown.CountAsync(), 1, inTopic - 1);
        await page.SelectOptionAsync("select[data-filter='topic']", "");
        await page.SelectOptionAsync("select[data-filter='year']", "");
        Assert.Equal(all, await shown.CountAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Hovering_a_paper_in_the_graph_highlights_its_neighbours()
    {
        var problems = new List<string>();
        var page = await fixture.NewPage(problems);
        await page.GotoAsync(fixture.Server.Url("/graph/"));
        await page.HoverAsync("svg.graph-svg a.node[href='/papers/2310.03744/']");
        var lit = await page.Locator("svg.graph-svg a.node.near").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.getAttribute('href'))");
        Assert.Equal(["/papers/2304.08485/", "/papers/2310.03744/"], lit.Order(StringComparer.Ordinal));
        Assert.Equal(1, await page.Locator("svg.graph-svg .edge.near").CountAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_graph_zooms_with_its_buttons_and_resets()
    {
        var problems = new List<string>();
        var page = await fixture.NewPage(problems);
        await page.GotoAsync(fixture.Server.Url("/graph/"));
        var svg = page.Locator("svg.graph-svg");
        var home = await svg.GetAttributeAsync("viewBox");
        await page.ClickAsync("button[data-zoom='in']");
        var zoomed = (await svg.GetAttributeAsync("viewBox"))!.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(zoomed[2] < home!.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()[2], "zooming in narrows the view");
        await page.ClickAsync("button[data-zoom='reset']");
        Assert.Equal(home, await svg.GetAttributeAsync("viewBox"));
        Assert.Empty(problems);
    }
}
