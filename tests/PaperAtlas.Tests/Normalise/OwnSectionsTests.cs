using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;

namespace PaperAtlas.Tests.Normalise;

/// <summary>Headings that map to no topic become the list's own sections; a heading that names a topic maps as ever.</summary>
public sealed class OwnSectionsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public OwnSectionsTests()
    {
        _temp.Write("content/topics.yml", "topics:\n  - id: peft\n    name: Parameter-efficient fine-tuning\n    name_zh: 参数高效微调\n    aliases: [PEFT]\n");
        _temp.Write("content/lists/reasoning.md", Fixtures.Lines(
            "## Survey",
            "### 2023",
            "- [A Survey of Large Language Models](https://arxiv.org/abs/2303.18223)",
            "### 2022",
            "- [Towards Reasoning in Large Language Models: A Survey](https://arxiv.org/abs/2212.10403)",
            "## 参数高效微调",
            "- [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685)"));
    }

    private SourceList List => SiteBuilder.Analyse(_temp.PathOf("content")).Graph.Lists.Single();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Unmapped_headings_with_papers_are_the_lists_own_sections_in_its_order()
    {
        Assert.Equal(["Survey", "2023", "2022"], List.OwnSections.Select(s => s.Title));
    }

    [Fact]
    public void An_own_section_holds_the_papers_of_its_subsections_too()
    {
        var sections = List.OwnSections;

        Assert.Equal(["2303.18223", "2212.10403"], sections[0].PaperIds.ToArray());
        Assert.Equal(["2212.10403"], sections[2].PaperIds.ToArray());
        Assert.Equal(["Survey", "2022"], sections[2].Path.ToArray());
    }

    [Fact]
    public void A_heading_that_names_a_topic_in_either_language_maps_to_it_and_is_no_own_section()
    {
        var analysis = SiteBuilder.Analyse(_temp.PathOf("content"));

        Assert.Equal(["peft"], analysis.Graph.Find("2106.09685")!.Topics.ToArray());
        Assert.DoesNotContain(analysis.Graph.Lists.Single().OwnSections, s => s.Title == "参数高效微调");
        Assert.Equal(3, analysis.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnmappedSection));
    }
}
