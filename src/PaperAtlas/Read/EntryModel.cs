using System.Collections.Immutable;

namespace PaperAtlas.Read;

/// <summary>What one entry of a generic list says about one paper it links.</summary>
/// <param name="Link">The paper's first link in the entry: its place and URL.</param>
/// <param name="Code">A link to the paper's code, when the entry gives one.</param>
internal sealed record EntryReading(
    EntryLink Link, string? Title, string? Name, ImmutableArray<string> Authors, string? Venue, int? Year, int? Month, string? Code, string Note);

/// <summary>
/// The entry model for lists in no known shape. An entry is the list item, table row or paragraph that holds a paper
/// link; from it are read the title (the link's text unless it is a link word like <c>[Paper]</c>; else the entry's
/// emphasised, underlined, quoted or linked title; else the text before the link), a nickname (a short name before the
/// title: <c>&lt;u&gt;UL2&lt;/u&gt;:</c>, <c>GPT-3 **…**</c>), an italic author list, venue and year, a code link, and the
/// rest as the note. An entry whose lines link different papers is one entry per paper line.
/// </summary>
internal static class EntryModel
{
    public static List<EntryReading> Read(EntryText entry, IReadOnlyList<ColumnRole>? roles = null)
    {
        var readings = new List<EntryReading>();
        foreach (var (start, end) in Segments(entry))
        {
            readings.AddRange(new EntrySegment(entry, start, end, roles).Read());
        }

        return readings;
    }

    /// <summary>The paper a link points at, as a key: its arXiv id or DOI; null for links to anything else.</summary>
    internal static string? PaperKey(EntryLink link) =>
        link.Target.ArxivId ?? (link.Target.Doi is { } doi ? "doi:" + doi.ToLowerInvariant() : null);

    /// <summary>
    /// Splits an entry whose lines link different papers: each line that links a new paper ends a segment, with the
    /// lines before it (its title line, its label); lines after the last paper line stay with it (authors, venue).
    /// </summary>
    private static List<(int Start, int End)> Segments(EntryText entry)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cuts = new List<int>();
        var lineHasNewPaper = false;
        var lastPaperPiece = -1;
        for (var i = 0; i < entry.Pieces.Count; i++)
        {
            var piece = entry.Pieces[i];
            if (piece.Kind == PieceKind.LineBreak)
            {
                if (lineHasNewPaper)
                {
                    cuts.Add(i + 1);
                }

                lineHasNewPaper = false;
                continue;
            }

            if (piece.Link >= 0 && PaperKey(entry.Links[piece.Link]) is { } key)
            {
                lastPaperPiece = i;
                lineHasNewPaper |= seen.Add(key);
            }
        }

        var segments = new List<(int, int)>();
        var start = 0;
        foreach (var cut in cuts.Where(c => c <= lastPaperPiece))
        {
            segments.Add((start, cut));
            start = cut;
        }

        segments.Add((start, entry.Pieces.Count));
        return segments;
    }
}
