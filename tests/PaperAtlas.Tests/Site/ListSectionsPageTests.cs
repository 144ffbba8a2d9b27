using PaperAtlas.Write;

namespace PaperAtlas.Tests.Site;

/// <summary>A list page shows the list's own sections (headings no topic covers) and a table of its papers to filter by them.</summary>
public sealed class ListSectionsPageTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly BuiltSite _site;

    public ListSectionsPageTests()
    {
        _temp.Write("content/topics.yml", "topics:\n  - id: peft\n    name: Parameter-efficient fine-tuning\n    name_zh: 参数高效微调\n    aliases: [PEFT]\n");
        _temp.Write("content/lists/reasoning.md", Fixtures.Lines(
            "## Survey",
            "### 2023",
            "- [A Survey of Large Language Models](https://arxiv.org/abs/2303.18223)",
            "<h2 id=\"ltechnique\">Technique</h2>",
            "",
            "### 2023",
            "- Self-Consistency Improves Chain of Thought Reasoning in Language Models, arXiv:2203.11171 ([notes](./notes.md))",
            "- [Tree of Thoughts: Deliberate Problem Solving with Large Language Models](https://arxiv.org/abs/2305.10601)",
            "",
            "Contents: [Technique](#ltechnique)"));
        _temp.Write("content/lists/peft.md", Fixtures.Lines(
            "## PEFT",
            "- [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685)"));
        _site = new BuiltSite(_temp.PathOf("content"));
    }

    public void Dispose()
    {
        _site.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void The_list_page_names_its_own_sections_with_their_paper_counts_linking_to_their_headings()
    {
        var page = _site.Parse("lists/reasoning/index.html");
        var chips = page.QuerySelectorAll("#list-sections ~ ul.chips a.chip").ToList();

        Assert.Equal(["Survey1", "Survey › 20231", "Technique2", "Technique › 20232"], chips.Select(c => c.TextContent));
        Assert.All(chips, c => Assert.NotNull(page.GetElementById(c.GetAttribute("href")![1..])));
        Assert.Equal(2, chips.Select(c => c.GetAttribute("href")).Count(h => h!.StartsWith("#2023", StringComparison.Ordinal)));
    }

    [Fact]
    public void Each_paper_row_carries_its_innermost_section_so_the_filter_finds_it()
    {
        var row = _site.Parse("lists/reasoning/index.html").QuerySelectorAll("table.papers tbody tr")
            .Single(r => r.TextContent.Contains("Tree of Thoughts", StringComparison.Ordinal));

        Assert.Equal(["Technique › 2023"], row.QuerySelectorAll("a.chip").Select(c => c.TextContent));
        Assert.NotNull(_site.Parse("lists/reasoning/index.html").GetElementById("paper-filter"));
    }

    [Fact]
    public void A_list_whose_headings_all_map_to_topics_has_no_sections_and_no_table()
    {
        var page = _site.Parse("lists/peft/index.html");

        Assert.Null(page.GetElementById("list-sections"));
        Assert.Null(page.QuerySelector("table.papers"));
    }

    [Fact]
    public void A_paper_cited_as_plain_text_is_marked_on_the_list_page_and_every_anchor_resolves()
    {
        var link = _site.Parse("lists/reasoning/index.html").QuerySelector("a.to-paper[href$='/papers/2203.11171/']");

        Assert.NotNull(link);
        Assert.Equal([], LinkChecker.Check(_site.Output, "/"));
    }

    [Fact]
    public void An_html_heading_keeps_its_own_id_so_the_lists_contents_link_reaches_it()
    {
        var heading = _site.Parse("lists/reasoning/index.html").GetElementById("ltechnique");

        Assert.Equal("Technique", heading?.TextContent);
    }
}
