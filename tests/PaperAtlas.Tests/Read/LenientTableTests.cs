using PaperAtlas.Diagnostics;
using PaperAtlas.Read;

namespace PaperAtlas.Tests.Read;

/// <summary>Tables read as GitHub renders them: a row with a cell too few or too many is read, with a warning.</summary>
public sealed class LenientTableTests
{
    private static readonly string Header = Fixtures.Lines(
        "|  Title  |   Venue  |   Date   |   Code   |   Demo   |",
        "|:--------|:--------:|:--------:|:--------:|:--------:|").TrimEnd('\n');

    [Fact]
    public void A_row_missing_its_last_cell_is_read_with_a_PA202_warning()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            Header,
            "| [**Planting a SEED of Vision in Large Language Model**](https://arxiv.org/pdf/2307.08041.pdf) | arXiv | 2023-07-16 | [Github](https://github.com/AILab-CVC/SEED) |"));

        var warning = Assert.Single(reading.WithCode(DiagnosticCodes.TableRowCells));
        Assert.Equal((Severity.Warning, 3), (warning.Severity, warning.Location.Line));
        Assert.Contains("4 cells but the header has 5", warning.Message, StringComparison.Ordinal);
        Assert.Equal("Planting a SEED of Vision in Large Language Model", reading.Single.Title);
    }

    [Fact]
    public void A_row_with_a_cell_too_many_is_read_as_shown_with_the_extra_cell_dropped_and_a_warning()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "| Name | Paper | Link | Notes |",
            "|:-----|:-----:|:----:|:-----:|",
            "| **SciMMIR** | [SciMMIR: Benchmarking Scientific Multi-modal Information Retrieval](https://arxiv.org/pdf/2401.13478) | [Link](https://github.com/Wusiwei0410/SciMMIR) | | A benchmark for retrieval |"));

        Assert.Equal(Severity.Warning, Assert.Single(reading.WithCode(DiagnosticCodes.TableRowCells)).Severity);
        Assert.Equal(("SciMMIR: Benchmarking Scientific Multi-modal Information Retrieval", "SciMMIR", ""), (reading.Single.Title, reading.Single.Name, reading.Single.Note));
    }

    [Fact]
    public void A_table_whose_link_column_holds_no_papers_is_read_as_a_generic_table()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "| Name | Paper | Link |",
            "|:-----|:-----:|:----:|",
            "| **MMBench** | [MMBench: Is Your Multi-modal Model an All-around Player?](https://arxiv.org/pdf/2307.06281.pdf) | [Link](https://github.com/open-compass/MMBench) |"));

        Assert.Equal(ListShape.Unknown, reading.Reading.List.Shape);
        Assert.Equal("2307.06281", reading.Single.ArxivId);
    }

    [Fact]
    public void A_generic_row_that_links_no_paper_is_PA205_naming_its_title()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            Header,
            "| [**Introducing GPT-5**](https://openai.com/index/introducing-gpt-5/) | OpenAI | 2025-08-07 | - | - |"));

        Assert.Empty(reading.Mentions);
        var warning = Assert.Single(reading.WithCode(DiagnosticCodes.EntryWithoutPaper));
        Assert.Equal("Introducing GPT-5", EntryWithoutPaper.NameOf(warning));
    }

    [Fact]
    public void A_row_without_any_link_is_no_entry_and_not_reported()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "| Model | License |",
            "| ----- | ------- |",
            "| LLaMA | Non-commercial |"));

        Assert.Empty(reading.Diagnostics);
    }
}
