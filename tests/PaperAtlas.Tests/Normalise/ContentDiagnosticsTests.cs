using PaperAtlas.Diagnostics;

namespace PaperAtlas.Tests.Normalise;

/// <summary>Diagnostics that need the whole content folder: topics, paper files and lists together.</summary>
public sealed class ContentDiagnosticsTests : IDisposable
{
    private const string Topics = """
        topics:
          - id: peft
            name: Parameter-efficient fine-tuning
            name_zh: 参数高效微调
            aliases: [PEFT, 高效微调]
          - id: alignment
            name: Alignment and RLHF
            name_zh: 对齐
            aliases: [RLHF, DPO]
        """;

    private readonly TempFolder _temp = new();

    public ContentDiagnosticsTests()
    {
        _temp.Write("content/topics.yml", Topics + "\n");
    }

    private string Content => _temp.PathOf("content");

    private string Shown(string relative) => Content.Replace('\\', '/') + "/" + relative;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_section_heading_that_maps_to_no_topic_is_PA303_at_the_heading()
    {
        _temp.Write("content/lists/mixed.md", Fixtures.Lines(
            "---",
            "title: Mixed",
            "---",
            "## 参数高效微调 (PEFT)",
            "| 技术 | 论文标题 | arXiv链接 |",
            "|------|----------|-----------|",
            "| **LoRA** | LoRA: Low-Rank Adaptation of Large Language Models | [arXiv:2106.09685](https://arxiv.org/abs/2106.09685) |",
            "## Cooking Recipes",
            "| 技术 | 论文标题 | arXiv链接 |",
            "|------|----------|-----------|",
            "| **DPO** | Direct Preference Optimization | [arXiv:2305.18290](https://arxiv.org/abs/2305.18290) |"));

        var analysis = SiteBuilder.Analyse(Content);

        var warning = Assert.Single(analysis.Diagnostics, d => d.Code == DiagnosticCodes.UnmappedSection);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(new SourceLocation(Shown("lists/mixed.md"), 8, 1), warning.Location);
        Assert.Contains("Cooking Recipes", warning.Message, StringComparison.Ordinal);
        Assert.Equal(["peft"], analysis.Graph.Find("2106.09685")!.Topics.ToArray());
        Assert.Empty(analysis.Graph.Find("2305.18290")!.Topics);
    }

    [Fact]
    public void A_section_heading_matches_its_topic_by_the_parenthesised_alias()
    {
        _temp.Write("content/lists/rlhf.md", Fixtures.Lines(
            "## 3.3 偏好对齐 (RLHF)",
            "| 技术 | 论文标题 | arXiv链接 |",
            "|------|----------|-----------|",
            "| **DPO** | Direct Preference Optimization | [arXiv:2305.18290](https://arxiv.org/abs/2305.18290) |"));

        var analysis = SiteBuilder.Analyse(Content);

        Assert.DoesNotContain(analysis.Diagnostics, d => d.Code == DiagnosticCodes.UnmappedSection);
        Assert.Equal(["alignment"], analysis.Graph.Find("2305.18290")!.Topics.ToArray());
    }

    [Fact]
    public void Two_paper_files_with_the_same_id_are_a_PA305_error_at_the_second_files_id()
    {
        _temp.Write("content/papers/2106.09685.md", Fixtures.Lines("---", "id: \"2106.09685\"", "title: LoRA", "---"));
        _temp.Write("content/papers/lora.md", Fixtures.Lines("---", "title: LoRA again", "id: \"2106.09685\"", "---"));

        var analysis = SiteBuilder.Analyse(Content);

        var error = Assert.Single(analysis.Diagnostics, d => d.Code == DiagnosticCodes.DuplicatePaperFile);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal((Shown("papers/lora.md"), 3), (error.Location.File, error.Location.Line));
        Assert.True(analysis.HasErrors);
        Assert.Single(analysis.Graph.Papers);
    }

    [Fact]
    public void An_unknown_topic_in_a_paper_file_is_a_PA304_error_at_the_topic()
    {
        _temp.Write("content/papers/2106.09685.md", Fixtures.Lines(
            "---",
            "id: \"2106.09685\"",
            "title: LoRA",
            "topics: [peft, cooking]",
            "---"));

        var analysis = SiteBuilder.Analyse(Content);

        var error = Assert.Single(analysis.Diagnostics, d => d.Code == DiagnosticCodes.UnknownTopic);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(new SourceLocation(Shown("papers/2106.09685.md"), 4, 16), error.Location);
        Assert.Contains("cooking", error.Message, StringComparison.Ordinal);
        Assert.Equal(["peft"], analysis.Graph.Find("2106.09685")!.Topics.ToArray());
    }

    [Fact]
    public void A_year_that_is_not_a_number_in_a_paper_file_is_PA102_on_line_4()
    {
        _temp.Write("content/papers/2106.09685.md", Fixtures.Lines(
            "---",
            "id: \"2106.09685\"",
            "title: LoRA",
            "year: soon",
            "---"));

        var error = Assert.Single(SiteBuilder.Analyse(Content).Diagnostics);

        Assert.Equal((DiagnosticCodes.FrontMatterField, Severity.Error), (error.Code, error.Severity));
        Assert.Equal((Shown("papers/2106.09685.md"), 4), (error.Location.File, error.Location.Line));
    }

    [Fact]
    public void A_paper_files_title_and_year_win_over_the_lists()
    {
        _temp.Write("content/papers/2106.09685.md", Fixtures.Lines(
            "---",
            "id: \"2106.09685\"",
            "title: \"LoRA: Low-Rank Adaptation of Large Language Models\"",
            "year: 2022",
            "aliases: [LoRA]",
            "---",
            "My notes."));
        _temp.Write("content/lists/a.md", Fixtures.Lines(
            "## PEFT",
            "- **Paper**:[LORA: LOW-RANK ADAPTATION OF LARGE LANGUAGE MODEL](https://arxiv.org/pdf/2106.09685.pdf)"));

        var paper = SiteBuilder.Analyse(Content).Graph.Find("2106.09685")!;

        Assert.Equal("LoRA: Low-Rank Adaptation of Large Language Models", paper.Title);
        Assert.Equal(2022, paper.Year);
        Assert.True(paper.HasPaperFile);
        Assert.Equal("My notes.", paper.ContributorNotes);
    }

    [Fact]
    public void A_related_id_that_is_not_in_the_atlas_is_PA306_at_the_entry()
    {
        _temp.Write("content/papers/2106.09685.md", Fixtures.Lines(
            "---",
            "id: \"2106.09685\"",
            "related:",
            "  - id: \"2305.14314\"",
            "    kind: extends",
            "---"));

        var error = Assert.Single(SiteBuilder.Analyse(Content).Diagnostics, d => d.Code == DiagnosticCodes.UnknownRelated);

        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void Diagnostics_come_sorted_by_file_line_and_column()
    {
        _temp.Write("content/lists/b.md", Fixtures.Lines("---", "format: nonsense", "---"));
        _temp.Write("content/lists/a.md", Fixtures.Lines("---", "title: ok", "format: nonsense", "---"));

        var diagnostics = SiteBuilder.Analyse(Content).Diagnostics;

        Assert.Equal(
            [(Shown("lists/a.md"), 3), (Shown("lists/b.md"), 2)],
            diagnostics.Select(d => (d.Location.File, d.Location.Line)));
    }

    [Fact]
    public void A_missing_content_folder_is_an_error_not_an_exception()
    {
        var analysis = SiteBuilder.Analyse(_temp.PathOf("nowhere"));

        Assert.Equal(DiagnosticCodes.FileUnreadable, Assert.Single(analysis.Diagnostics).Code);
        Assert.True(analysis.HasErrors);
    }
}
