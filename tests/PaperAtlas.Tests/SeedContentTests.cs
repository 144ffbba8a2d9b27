using PaperAtlas.Diagnostics;
using PaperAtlas.Read;

namespace PaperAtlas.Tests;

/// <summary>
/// The acceptance checks of the paper graph, pinned on the frozen copy of the four seed lists (Fixtures/seed): what the
/// lists held when the atlas was seeded, so a contribution to content/ never moves them.
/// </summary>
public sealed class SeedContentTests
{
    [Fact]
    public void Every_arxiv_id_in_the_four_lists_becomes_exactly_one_paper()
    {
        var expected = ArxivLinks.InLists(Paths.Seed("lists"));
        var papers = SeedContent.Analysis.Graph.Papers;

        Assert.Equal(97, expected.Count);
        Assert.Equal(expected.Order(), papers.Select(p => p.ArxivId).OfType<string>().Order());
        Assert.Equal(papers.Length, papers.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void The_seed_content_has_no_errors()
    {
        Assert.DoesNotContain(SeedContent.Analysis.Diagnostics, d => d.Severity == Severity.Error);
    }

    private static string Shown(string relative) => Paths.Seed().Replace('\\', '/') + "/" + relative;

    [Fact]
    public void The_four_lists_are_read_with_their_shapes()
    {
        Assert.Equal(
            [("llm-knowledge-report", ListShape.Report), ("llm-paper-timeline", ListShape.YearTable), ("llm-research-notes", ListShape.Headings), ("llmfreshman", ListShape.Table)],
            SeedContent.Analysis.Graph.Lists.Select(l => (l.Id, l.Info.Shape)).OrderBy(l => l.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void Instructgpt_under_a_flan_title_is_a_PA301_title_conflict_at_research_notes_line_56()
    {
        var warning = Assert.Single(SeedContent.Analysis.Diagnostics, d => d.Code == DiagnosticCodes.TitleConflict && d.Message.StartsWith("2203.02155 ", StringComparison.Ordinal));

        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal((Shown("lists/llm-research-notes.md"), 56), (warning.Location.File, warning.Location.Line));
        Assert.Contains("Scaling Instruction-Finetuned Language Models", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chain_of_thought_dated_2023_is_a_PA302_at_its_timeline_row()
    {
        var warning = Assert.Single(SeedContent.Analysis.Diagnostics, d => d.Code == DiagnosticCodes.YearMismatch && d.Message.Contains("2201.11903", StringComparison.Ordinal));

        Assert.Equal((Shown("lists/llm-paper-timeline.md"), 80), (warning.Location.File, warning.Location.Line));
        var paper = SeedContent.Analysis.Graph.Find("2201.11903")!;
        Assert.Equal((2022, 1), (paper.Year, paper.Month));
        Assert.Contains(paper.Mentions, m => m.ListId == "llm-paper-timeline" && m.Year == 2023);
    }

    [Fact]
    public void The_neurips_flashattention_link_and_arxiv_2205_14135_are_one_paper()
    {
        var flash = SeedContent.Analysis.Graph.Find("2205.14135")!;

        Assert.Equal("FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness", flash.Title);
        Assert.Contains(flash.Mentions, m => m.ListId == "llm-paper-timeline" && m.Location.Line == 44 && m.ArxivId is null);
        Assert.Contains(flash.Mentions, m => m.Kind == MentionKind.SectionSubject && m.ListId == "llm-knowledge-report");
        Assert.DoesNotContain(SeedContent.Analysis.Graph.Papers, p => p.Id != flash.Id && p.Title.StartsWith("FlashAttention:", StringComparison.Ordinal));
    }

    [Fact]
    public void Lora_from_all_four_lists_is_one_paper()
    {
        var lora = SeedContent.Analysis.Graph.Find("2106.09685")!;

        Assert.Equal(
            ["llm-knowledge-report", "llm-paper-timeline", "llm-research-notes", "llmfreshman"],
            lora.Mentions.Select(m => m.ListId).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal((2021, 6), (lora.Year, lora.Month));
        Assert.Contains("peft", lora.Topics);
    }

    [Fact]
    public void Openai_papers_without_arxiv_ids_are_kept_by_name()
    {
        var graph = SeedContent.Analysis.Graph;

        Assert.All(["gpt", "gpt-2", "chatgpt", "gpt-4"], id => Assert.Null(graph.Find(id)?.ArxivId));
        Assert.Equal("GPT-2", graph.Find("gpt-2")?.Title);
    }

    [Fact]
    public void The_seed_content_maps_every_section_with_papers_to_a_topic()
    {
        Assert.DoesNotContain(SeedContent.Analysis.Diagnostics, d => d.Code == DiagnosticCodes.UnmappedSection);
    }
}
