using System.Collections.Immutable;
using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using PaperAtlas.Incremental;
using PaperAtlas.Metadata;
using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>
/// Folds the stored metadata (content/metadata/) into the papers the lists made. What a list or paper file says wins:
/// a record only fills what they leave out (authors, venue, a year), gives a paper that the lists name only by nickname
/// its real title (the nickname stays as an alias), and adds what only the services know (abstract, citations).
/// </summary>
internal static class StoredMetadata
{
    /// <summary>The kind of the edges that Semantic Scholar's references make.</summary>
    public const string CitesKind = "cites";

    /// <summary>Who claims a <see cref="CitesKind"/> edge (an edge's source is a list id or `papers` otherwise).</summary>
    public const string CitesSource = "semantic-scholar";

    /// <summary>The longest nickname kept as an alias, as for the lists' own nicknames.</summary>
    private const int MaxAliasLength = 60;

    /// <summary>Every paper with its record folded in, its title checked against the record; records of no paper are reported.</summary>
    /// <param name="cache">What the builds before made: a paper and record merged before are not merged again.</param>
    public static ImmutableArray<Paper> Apply(ImmutableArray<Paper> papers, PaperMetadataSet stored, DiagnosticBag diagnostics, BuildCache? cache = null)
    {
        var merged = papers.Select(p =>
        {
            var record = stored.Find(p.Id);
            var (paper, found) = cache is null ? Merge(p, record) : cache.Merged(p, record, Merge);
            diagnostics.AddRange(found);
            return paper;
        }).ToImmutableArray();
        if (stored.Count > 0)
        {
            var ids = papers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var record in stored.Records.Where(r => !ids.Contains(r.Id)))
            {
                diagnostics.Info(DiagnosticCodes.MetadataWithoutPaper, record.Location,
                    $"no paper of the atlas has the id '{record.Id}', so this metadata record is not used",
                    "delete the file if the paper left the atlas for good");
            }
        }

        return merged;
    }

    /// <summary>One paper with its record (if any) folded in, and the title conflicts among its mentions and with the record.</summary>
    public static (Paper Paper, IReadOnlyList<Diagnostic> Diagnostics) Merge(Paper paper, PaperMetadata? record)
    {
        var diagnostics = new DiagnosticBag();
        PaperTitle.ReportConflicts(paper.ArxivId, paper.Doi, paper.Mentions, paper.Title, diagnostics, record);
        return (record is null ? paper : Folded(paper, record), diagnostics.ToSortedList());
    }

    private static Paper Folded(Paper paper, PaperMetadata record)
    {
        var (title, aliases) = (paper.Title, paper.Aliases);
        if (record.Title is { } storedTitle && !paper.Mentions.Any(m => m.Title is not null))
        {
            // The lists name the paper only by a nickname (a year table's "ELMo") or not at all: the nickname becomes an alias.
            title = storedTitle;
            if (paper.Mentions.Any(m => m.Name == paper.Title) && paper.Title.Length <= MaxAliasLength
                && !string.Equals(paper.Title, storedTitle, StringComparison.OrdinalIgnoreCase)
                && !aliases.Contains(paper.Title, StringComparer.OrdinalIgnoreCase))
            {
                aliases = [paper.Title, .. aliases];
            }
        }

        var (year, month) = paper.Year is null && record.Year is { } storedYear
            ? (storedYear, record.Published is { } day && day.Year == storedYear ? day.Month : (int?)null)
            : (paper.Year, paper.Month);
        return paper with
        {
            Title = title,
            Aliases = aliases,
            Authors = paper.Authors.IsEmpty ? record.Authors : paper.Authors,
            Venue = paper.Venue ?? record.Venue ?? record.JournalRef,
            Year = year,
            Month = month,
            Metadata = record,
        };
    }

    /// <summary>
    /// What each paper cites among the atlas's papers, by the arXiv ids and DOIs of its record's references: one edge per
    /// citing and cited paper, ordered by both.
    /// </summary>
    public static ImmutableArray<Edge> Cites(ImmutableArray<Paper> papers)
    {
        if (!papers.Any(p => p.Metadata is not null))
        {
            return [];
        }

        var byArxiv = new Dictionary<string, string>(StringComparer.Ordinal);
        var byDoi = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var paper in papers)
        {
            if (paper.ArxivId is { } arxiv)
            {
                byArxiv.TryAdd(arxiv, paper.Id);
            }

            foreach (var doi in new[] { paper.Doi, paper.Metadata?.Doi }.OfType<string>())
            {
                byDoi.TryAdd(doi, paper.Id);
            }
        }

        var edges = new SortedSet<(string From, string To)>(Comparer<(string, string)>.Create((a, b) =>
            string.CompareOrdinal(a.Item1, b.Item1) is var c && c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2)));
        foreach (var paper in papers.Where(p => p.Metadata is not null))
        {
            foreach (var cited in paper.Metadata!.Cites)
            {
                var target = ArxivId.TryParse(cited, out var arxiv) ? byArxiv.GetValueOrDefault(arxiv) : byDoi.GetValueOrDefault(cited);
                if (target is not null && target != paper.Id)
                {
                    edges.Add((paper.Id, target));
                }
            }
        }

        return [.. edges.Select(e => new Edge(e.From, e.To, CitesKind, CitesSource, ""))];
    }
}
