using System.Globalization;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Normalise;

/// <summary>
/// Diagnostics that scale with a list, folded so that a clean third-party list gives a short report: many headings
/// of one file that map to no topic (PA303) become one note naming how many and the first few; so do many table rows
/// that link no paper (PA205); any other warning or note repeated in one file shows its first few and one line for the
/// rest. Errors are never folded. <c>--verbose</c> prints the diagnostics unfolded.
/// </summary>
public static class DiagnosticSummary
{
    /// <summary>How many of one kind a file shows before they are folded.</summary>
    public const int Shown = 3;

    public static IReadOnlyList<Diagnostic> Summarise(IReadOnlyList<Diagnostic> diagnostics)
    {
        var result = new List<Diagnostic>();
        foreach (var group in diagnostics.GroupBy(d => (d.Location.File, d.Code, d.Severity)))
        {
            var items = group.ToList();
            if (group.Key.Severity == Severity.Error || items.Count <= Shown)
            {
                result.AddRange(items);
                continue;
            }

            switch (group.Key.Code)
            {
                case DiagnosticCodes.UnmappedSection:
                    var headings = Distinct(items, SectionTopics.HeadingOf);
                    result.Add(new Diagnostic(Severity.Info, DiagnosticCodes.UnmappedSectionsSummary,
                        $"{items.Count} headings of this list map to no topic ({Examples(headings)}); they stay the list's own sections, shown on its list page",
                        items[0].Location,
                        "to give their papers topics, add the headings' text to a topic's `aliases` in topics.yml; `--verbose` lists every heading"));
                    break;
                case DiagnosticCodes.EntryWithoutPaper:
                    var rows = Distinct(items, Read.EntryWithoutPaper.NameOf);
                    result.Add(new Diagnostic(Severity.Info, DiagnosticCodes.EntriesWithoutPaperSummary,
                        $"{items.Count} entries of this list link no arXiv paper or DOI ({Examples(rows)}), so they get no paper pages; blog posts and model cards need none",
                        items[0].Location,
                        "to make one a paper, link its arXiv page (https://arxiv.org/abs/ID) or DOI; `--verbose` lists every entry"));
                    break;
                default:
                    result.AddRange(items.Take(Shown));
                    var more = items.Count - Shown;
                    result.Add(new Diagnostic(Severity.Info, DiagnosticCodes.RepeatedDiagnosticsSummary,
                        string.Create(CultureInfo.InvariantCulture, $"{more} more {group.Key.Code} {Plural(group.Key.Severity, more)} like these in this file"),
                        items[Shown].Location,
                        "`--verbose` prints every one"));
                    break;
            }
        }

        return [.. result
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
    }

    private static string Plural(Severity severity, int count) => (severity == Severity.Warning ? "warning" : "note") + (count == 1 ? "" : "s");

    private static List<string> Distinct(List<Diagnostic> items, Func<Diagnostic, string?> subject) =>
        [.. items.Select(subject).OfType<string>().Distinct(StringComparer.Ordinal)];

    private static string Examples(List<string> names) =>
        string.Join(", ", names.Take(Shown).Select(n => $"'{n}'")) + (names.Count > Shown ? ", …" : "");
}
