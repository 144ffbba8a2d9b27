using PaperAtlas.Diagnostics;
using PaperAtlas.Read;

namespace PaperAtlas.Tests.Load;

public sealed class FrontMatterTests
{
    [Fact]
    public void A_lists_front_matter_names_it()
    {
        var info = Fixtures.Read(Fixtures.Lines(
            "---",
            "title: LLM research notes",
            "description: A heading per paper.",
            "lang: en",
            "source: shared/seeds/llm-research-notes.md",
            "---",
            "Text."), "content/lists/llm-research-notes.md").Reading.List;

        Assert.Equal("llm-research-notes", info.Id);
        Assert.Equal("LLM research notes", info.Title);
        Assert.Equal("A heading per paper.", info.Description);
        Assert.Equal("en", info.Lang);
        Assert.Equal("shared/seeds/llm-research-notes.md", info.Source);
        Assert.Equal("lists/llm-research-notes.md", info.File);
    }

    [Fact]
    public void Without_front_matter_a_list_is_titled_by_its_only_top_heading_and_its_language_is_guessed()
    {
        var info = Fixtures.Read(Fixtures.Lines(
            "# 大模型论文清单",
            "以下为您整理的大模型核心技术论文清单，按技术领域分类。")).Reading.List;

        Assert.Equal("大模型论文清单", info.Title);
        Assert.Equal("zh", info.Lang);
    }

    [Fact]
    public void Malformed_yaml_is_PA101_on_the_files_line_of_the_error()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "---",
            "title: My list",
            "description: broken: value",
            "lang: en",
            "---",
            "Text."));

        var error = Assert.Single(reading.Diagnostics);
        Assert.Equal(DiagnosticCodes.FrontMatterSyntax, error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(3, error.Location.Line);
        Assert.Equal("content/lists/fixture.md", error.Location.File);
    }

    [Fact]
    public void A_list_with_malformed_front_matter_is_still_read()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "---",
            "title: [unclosed",
            "---",
            "- [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685)"));

        Assert.Contains(reading.Diagnostics, d => d.Code == DiagnosticCodes.FrontMatterSyntax);
        Assert.Equal("2106.09685", reading.Single.ArxivId);
    }

    [Fact]
    public void An_unclosed_bracket_is_PA101_at_the_bracket_with_a_message_that_says_so()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "---",
            "title: \"A [quoted] bracket\" # and [one in a comment",
            "topics: [peft,",
            "lang: en",
            "---",
            "Text."));

        var error = Assert.Single(reading.WithCode(DiagnosticCodes.FrontMatterSyntax));
        Assert.Equal((3, 9), (error.Location.Line, error.Location.Column));
        Assert.Contains("the `[` opened here is never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_that_is_never_closed_is_PA103_at_line_1()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "---",
            "title: Open",
            "Text."));

        var error = Assert.Single(reading.WithCode(DiagnosticCodes.FrontMatterUnclosed));
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void Front_matter_that_is_not_a_mapping_is_PA101()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "---",
            "- just",
            "- a list",
            "---",
            "Text."));

        Assert.Equal(2, Assert.Single(reading.WithCode(DiagnosticCodes.FrontMatterSyntax)).Location.Line);
    }

    [Fact]
    public void An_unknown_format_hint_is_PA102_on_the_format_line()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "---",
            "title: My list",
            "format: spreadsheet",
            "---",
            "Text."));

        var error = Assert.Single(reading.Diagnostics);
        Assert.Equal(DiagnosticCodes.FrontMatterField, error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(new SourceLocation("content/lists/fixture.md", 3, 1), error.Location);
        Assert.Contains("spreadsheet", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("table", ListShape.Table)]
    [InlineData("headings", ListShape.Headings)]
    [InlineData("year-table", ListShape.YearTable)]
    [InlineData("report", ListShape.Report)]
    public void A_known_format_hint_sets_the_shape(string hint, ListShape shape)
    {
        var reading = Fixtures.Read(Fixtures.Lines("---", $"format: {hint}", "---", "Nothing here yet."));

        Assert.Equal(shape, reading.Reading.List.Shape);
        Assert.Empty(reading.Diagnostics);
    }

    [Fact]
    public void A_title_that_is_a_list_is_PA102_on_the_titles_line()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "---",
            "lang: en",
            "title: [a, b]",
            "---"));

        Assert.Equal(3, Assert.Single(reading.WithCode(DiagnosticCodes.FrontMatterField)).Location.Line);
    }
}
