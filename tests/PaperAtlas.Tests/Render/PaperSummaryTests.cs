using PaperAtlas.Diagnostics;
using PaperAtlas.Metadata;
using PaperAtlas.Render;

namespace PaperAtlas.Tests.Render;

/// <summary>What a paper is about in a few words: the meta description's and a search result's excerpt.</summary>
public sealed class PaperSummaryTests
{
    private static readonly PaperAtlas.Graph.Paper Listed = Fixtures.Graph(("content/lists/years.md", Fixtures.Lines(
        "| 年份 | 名字 | 简介 | 精读 |",
        "| ---- | ---- | ---- | ---- |",
        "| 2021 | [LoRA](https://arxiv.org/abs/2106.09685) | **低秩**适配，见 [论文](https://arxiv.org/abs/2106.09685) | |"))).Paper("2106.09685");

    private static readonly PaperMetadata Record = MetadataYaml.Read("content/metadata/2106.09685.yml", Fixtures.Lines(
        "arxiv:", "  abstract: \"We propose Low-Rank Adaptation, or LoRA, which freezes the weights.\"", "  title: \"LoRA\"", "id: \"2106.09685\""),
        new DiagnosticBag())!;

    [Fact]
    public void Without_notes_or_an_abstract_it_is_the_first_list_note_as_plain_text()
    {
        Assert.Equal("低秩适配，见 论文", PaperSummary.Of(Listed, 100));
    }

    [Fact]
    public void An_abstract_comes_before_the_lists_notes()
    {
        Assert.Equal("We propose Low-Rank Adaptation, or LoRA, which freezes the weights.", PaperSummary.Of(Listed with { Metadata = Record }, 100));
    }

    [Fact]
    public void The_contributors_notes_come_first()
    {
        var (file, _) = Fixtures.ReadPaper(Fixtures.Lines("---", "id: \"2106.09685\"", "title: LoRA", "---", "Read *this* one first."));
        var paper = Listed with { Metadata = Record, Mentions = [file!, .. Listed.Mentions] };

        Assert.Equal("Read this one first.", PaperSummary.Of(paper, 100));
    }

    [Fact]
    public void A_long_summary_is_cut_at_a_word_end_with_an_ellipsis()
    {
        Assert.Equal("We propose Low-Rank Adaptation, or…", PaperSummary.Of(Listed with { Metadata = Record }, 38));
    }

    [Theory]
    [InlineData("LoRA", 4, "LoRA")]
    [InlineData("  LoRA  ", 4, "LoRA")]
    [InlineData("Low-Rank", 4, "Low…")]
    [InlineData("🇬🇧🇫🇷🇩🇪", 3, "🇬🇧🇫🇷🇩🇪")]
    [InlineData("🇬🇧🇫🇷🇩🇪🇮🇹", 3, "🇬🇧🇫🇷…")]
    [InlineData("e\u0301e\u0301e\u0301", 2, "e\u0301…")]
    [InlineData("低秩 适配", 4, "低秩…")]
    public void A_cut_counts_what_a_reader_sees_as_one_character_and_never_splits_it(string text, int max, string expected)
    {
        Assert.Equal(expected, PaperAtlas.Render.GraphLayout.TextMeasure.Shorten(text, max));
    }
}
