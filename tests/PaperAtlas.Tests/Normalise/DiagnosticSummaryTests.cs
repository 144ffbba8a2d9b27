using PaperAtlas.Diagnostics;
using PaperAtlas.Normalise;

namespace PaperAtlas.Tests.Normalise;

/// <summary>Diagnostics that scale with a list are folded into a few lines; --verbose shows them all.</summary>
public sealed class DiagnosticSummaryTests
{
    private const string File = "content/lists/third-party.md";

    private static Diagnostic Unmapped(int line, string heading) =>
        new(Severity.Warning, DiagnosticCodes.UnmappedSection, $"the section '{heading}' maps to no topic, so its papers get no topic from it", new SourceLocation(File, line, 1), "add it");

    [Fact]
    public void Many_unmapped_headings_of_one_list_are_one_PA314_note_naming_how_many_and_the_first_few()
    {
        var folded = DiagnosticSummary.Summarise([Unmapped(3, "2025"), Unmapped(9, "2024"), Unmapped(20, "2025"), Unmapped(31, "Analysis"), Unmapped(40, "2023")]);

        var note = Assert.Single(folded);
        Assert.Equal((DiagnosticCodes.UnmappedSectionsSummary, Severity.Info, 3), (note.Code, note.Severity, note.Location.Line));
        Assert.StartsWith("5 headings of this list map to no topic ('2025', '2024', 'Analysis', …)", note.Message, StringComparison.Ordinal);
        Assert.Contains("aliases", note.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void A_few_unmapped_headings_are_shown_one_by_one()
    {
        var few = new[] { Unmapped(3, "A"), Unmapped(9, "B"), Unmapped(20, "C") };

        Assert.Equal(few, DiagnosticSummary.Summarise(few));
    }

    [Fact]
    public void Many_rows_without_a_paper_are_one_PA315_note()
    {
        var rows = Enumerable.Range(1, 6).Select(i => new Diagnostic(Severity.Warning, DiagnosticCodes.EntryWithoutPaper,
            $"the row 'Blog {i}' has no arXiv or DOI link, so no paper page is made for it", new SourceLocation(File, 10 + i, 3), "link it")).ToList();

        var note = Assert.Single(DiagnosticSummary.Summarise(rows));
        Assert.Equal(DiagnosticCodes.EntriesWithoutPaperSummary, note.Code);
        Assert.StartsWith("6 entries of this list link no arXiv paper or DOI ('Blog 1', 'Blog 2', 'Blog 3', …)", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_warning_repeated_in_a_file_shows_three_and_one_PA316_line_for_the_rest()
    {
        var dates = Enumerable.Range(1, 7).Select(i => new Diagnostic(Severity.Warning, DiagnosticCodes.YearMismatch, $"date {i}", new SourceLocation(File, i, 1), "fix")).ToList();

        var folded = DiagnosticSummary.Summarise(dates);

        Assert.Equal([DiagnosticCodes.YearMismatch, DiagnosticCodes.YearMismatch, DiagnosticCodes.YearMismatch, DiagnosticCodes.RepeatedDiagnosticsSummary], folded.Select(d => d.Code));
        Assert.Equal("4 more PA302 warnings like these in this file", folded[3].Message);
        Assert.Equal(4, folded[3].Location.Line);
    }

    [Fact]
    public void Errors_are_never_folded()
    {
        var errors = Enumerable.Range(1, 5).Select(i => new Diagnostic(Severity.Error, DiagnosticCodes.MalformedArxivId, $"bad {i}", new SourceLocation(File, i, 1), "fix")).ToList();

        Assert.Equal(errors, DiagnosticSummary.Summarise(errors));
    }

    [Fact]
    public void Each_file_is_folded_on_its_own()
    {
        var two = Enumerable.Range(1, 4).SelectMany(i => new[] { Unmapped(i, $"A{i}"), Unmapped(i, $"B{i}") with { Location = new SourceLocation("content/lists/other.md", i, 1) } }).ToList();

        Assert.Equal(2, DiagnosticSummary.Summarise(two).Count);
    }
}
