using PaperAtlas.Diagnostics;
using PaperAtlas.Read;

namespace PaperAtlas.Tests.Read;

public sealed class PaperFileReaderTests
{
    private static readonly string Lora = Fixtures.Lines(
        "---",
        "id: \"2106.09685\"",
        "title: \"LoRA: Low-Rank Adaptation of Large Language Models\"",
        "year: 2021",
        "month: 6",
        "authors: [Edward J. Hu, Yelong Shen]",
        "topics: [peft]",
        "aliases: [LoRA]",
        "---",
        "Low-rank updates, $W + \\Delta W$.");

    [Fact]
    public void A_paper_files_front_matter_is_its_record()
    {
        var (mention, diagnostics) = Fixtures.ReadPaper(Lora);

        Assert.Empty(diagnostics);
        Assert.NotNull(mention);
        Assert.Equal(MentionKind.PaperFile, mention.Kind);
        Assert.Equal("2106.09685", mention.ArxivId);
        Assert.Equal("LoRA: Low-Rank Adaptation of Large Language Models", mention.Title);
        Assert.Equal((2021, 6), (mention.Year, mention.Month));
        Assert.Equal(["Edward J. Hu", "Yelong Shen"], mention.Authors.ToArray());
        Assert.Equal(["LoRA"], mention.Aliases.ToArray());
        Assert.Equal("peft", Assert.Single(mention.TopicIds).Id);
    }

    [Theory]
    [InlineData("\"TODO: the paper's title, as on arXiv\"")]
    [InlineData("TODO")]
    [InlineData("todo - fill in")]
    public void A_todo_title_left_by_atlas_new_is_a_PA220_error_on_the_title_line(string title)
    {
        var (_, diagnostics) = Fixtures.ReadPaper(Fixtures.Lines("---", "id: \"2106.09685\"", "title: " + title, "---"));

        var error = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, DiagnosticCodes.PlaceholderLeft, 3), (error.Severity, error.Code, error.Location.Line));
    }

    [Fact]
    public void A_title_that_only_starts_with_the_letters_todo_is_a_title()
    {
        Assert.Empty(Fixtures.ReadPaper(Fixtures.Lines("---", "id: \"2106.09685\"", "title: \"Todorov's Theorem for Transformers\"", "---")).Diagnostics);
    }

    [Fact]
    public void The_body_after_the_front_matter_is_the_contributors_note()
    {
        Assert.Equal("Low-rank updates, $W + \\Delta W$.", Fixtures.ReadPaper(Lora).Mention?.Note);
    }

    [Fact]
    public void An_unsafe_link_in_the_notes_is_PA207_at_the_links_own_line_and_column()
    {
        // The link sits on a quote's continuation line, inside emphasis: the warning must still point at the link itself.
        var (_, diagnostics) = Fixtures.ReadPaper(Fixtures.Lines(
            "---",
            "id: \"2106.09685\"",
            "title: LoRA",
            "---",
            "Low-rank updates.",
            "",
            "> A quote that runs",
            ">   on, then: **[the demo](javascript:alert(1))** too."));

        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnsafeLink, warning.Code);
        Assert.Equal(new SourceLocation("content/papers/2106.09685.md", 8, 17), warning.Location);
    }

    [Fact]
    public void A_year_that_is_not_a_number_is_PA102_on_the_years_line()
    {
        var (mention, diagnostics) = Fixtures.ReadPaper(Fixtures.Lines(
            "---",
            "id: \"2106.09685\"",
            "title: LoRA",
            "year: soon",
            "---"));

        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.FrontMatterField, error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(new SourceLocation("content/papers/2106.09685.md", 4, 7), error.Location);
        Assert.Null(mention?.Year);
    }

    [Fact]
    public void A_year_out_of_range_is_PA102_on_the_years_line()
    {
        var (_, diagnostics) = Fixtures.ReadPaper(Fixtures.Lines(
            "---",
            "id: \"2106.09685\"",
            "year: 20211",
            "---"));

        Assert.Equal(3, Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.FrontMatterField).Location.Line);
    }

    [Fact]
    public void A_malformed_arxiv_id_is_PA201_on_the_id_line()
    {
        var (mention, diagnostics) = Fixtures.ReadPaper(Fixtures.Lines(
            "---",
            "title: Bad",
            "id: \"2313.12345\"",
            "---"), "content/papers/2313.12345.md");

        Assert.Null(mention);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.MalformedArxivId, error.Code);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void An_id_that_could_escape_the_output_folder_is_PA308()
    {
        var (mention, diagnostics) = Fixtures.ReadPaper(Fixtures.Lines(
            "---",
            "id: ../../etc/passwd",
            "---"), "content/papers/evil.md");

        Assert.Null(mention);
        Assert.Equal(DiagnosticCodes.UnsafeId, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void An_unknown_field_is_a_PA106_warning_on_its_line()
    {
        var (_, diagnostics) = Fixtures.ReadPaper(Fixtures.Lines(
            "---",
            "id: \"2106.09685\"",
            "tittle: LoRA",
            "---"));

        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnknownField, Severity.Warning, 3), (warning.Code, warning.Severity, warning.Location.Line));
    }

    [Fact]
    public void A_file_named_differently_from_its_id_is_a_warning_at_the_id()
    {
        var (mention, diagnostics) = Fixtures.ReadPaper(Fixtures.Lines(
            "---",
            "id: \"2106.09685\"",
            "---"), "content/papers/lora.md");

        Assert.Equal("2106.09685", mention?.ArxivId);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((Severity.Warning, 2), (warning.Severity, warning.Location.Line));
    }

    [Fact]
    public void A_non_arxiv_paper_file_is_keyed_by_its_slug_id()
    {
        var (mention, diagnostics) = Fixtures.ReadPaper(Fixtures.Lines(
            "---",
            "id: gpt-4",
            "title: GPT-4 Technical Report",
            "---"), "content/papers/gpt-4.md");

        Assert.Empty(diagnostics);
        Assert.Equal("gpt-4", mention?.KeyId);
        Assert.Null(mention?.ArxivId);
    }

    [Fact]
    public void An_unknown_relation_kind_is_PA102_on_the_kind_line()
    {
        var (mention, diagnostics) = Fixtures.ReadPaper(Fixtures.Lines(
            "---",
            "id: \"2106.09685\"",
            "related:",
            "  - id: \"2305.14314\"",
            "    kind: cousin-of",
            "---"));

        Assert.Equal(5, Assert.Single(diagnostics).Location.Line);
        Assert.Equal("related", Assert.Single(mention!.Related).Kind);
    }
}
