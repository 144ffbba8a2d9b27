namespace PaperAtlas.Tests.Site;

public sealed class SeedSiteFixture : IDisposable
{
    public BuiltSite Site { get; } = new(Paths.Seed());

    public void Dispose() => Site.Dispose();
}

/// <summary>What the frozen seed lists (Fixtures/seed) render to: pinned pages, anchors and math.</summary>
public sealed class SeedSiteTests(SeedSiteFixture fixture) : IClassFixture<SeedSiteFixture>
{
    [Fact]
    public void Chinese_content_is_marked_as_chinese()
    {
        var list = fixture.Site.Parse("lists/llm-paper-timeline/index.html");
        Assert.Equal("zh", list.QuerySelector(".list-body")!.GetAttribute("lang"));
    }

    [Fact]
    public void A_report_citation_links_to_its_works_cited_entry()
    {
        var report = fixture.Site.Parse("lists/llm-knowledge-report/index.html");
        var cite = report.QuerySelector("a.cite[href='#cite-1']");
        Assert.NotNull(cite);
        Assert.NotNull(report.GetElementById("cite-1"));
        Assert.NotNull(report.GetElementById("cite-148"));
    }

    [Fact]
    public void Inline_tex_renders_as_mathml_not_as_source()
    {
        var report = File.ReadAllText(Path.Combine(fixture.Site.Output, "lists/llm-knowledge-report/index.html"));
        Assert.Contains("<math>", report, StringComparison.Ordinal);
        Assert.DoesNotContain("$d\\_k$", report, StringComparison.Ordinal);
        Assert.DoesNotContain("$d_k$", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paper_page_links_back_to_each_list_entry()
    {
        var page = fixture.Site.Parse("papers/2106.09685/index.html");
        var links = page.QuerySelectorAll(".mention-head a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/lists/llmfreshman/#entry-lora", links);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://arxiv.org/pdf/2106.09685");
        Assert.Contains("@misc{lora2021_2106_09685", page.QuerySelector(".bibtex")!.TextContent, StringComparison.Ordinal);
    }
}
