using System.Collections.Immutable;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Metadata;

/// <summary>
/// One paper's stored record (<c>content/metadata/&lt;slug&gt;.yml</c>): what arXiv and Semantic Scholar each said, kept
/// apart so that either can be fetched again alone, and read together through the properties below. arXiv speaks for the
/// paper itself (title, authors, abstract, date); Semantic Scholar for what happened to it (venue, citations, references).
/// What a list or paper file says wins over all of it; that is the build's rule, not this record's.
/// </summary>
/// <param name="Id">The atlas's id of the paper: its arXiv id without version, else its DOI, else its title key.</param>
/// <param name="Location">Where the record starts, for diagnostics about it.</param>
public sealed record PaperMetadata(string Id, ArxivRecord? Arxiv, ScholarRecord? Scholar, SourceLocation Location)
{
    /// <summary>arXiv's title, else Semantic Scholar's.</summary>
    public string? Title => Arxiv?.Title ?? Scholar?.Title;

    /// <summary>Whether <see cref="Title"/> is the title arXiv gives (rather than Semantic Scholar's).</summary>
    public bool TitleFromArxiv => Arxiv is not null;

    /// <summary>The authors in order, as arXiv lists them, else as Semantic Scholar does.</summary>
    public ImmutableArray<string> Authors => Arxiv is { Authors.IsEmpty: false } arxiv ? arxiv.Authors : Scholar?.Authors ?? [];

    public string? Abstract => Arxiv?.Abstract;

    /// <summary>The first version's day on arXiv.</summary>
    public DateOnly? Published => Arxiv?.Published;

    /// <summary>The year of <see cref="Published"/>, else the year Semantic Scholar gives.</summary>
    public int? Year => Published?.Year ?? Scholar?.Year;

    public string? PrimaryCategory => Arxiv?.PrimaryCategory;

    public string? Doi => Arxiv?.Doi ?? Scholar?.Doi;

    public string? JournalRef => Arxiv?.JournalRef;

    public string? Venue => Scholar?.Venue;

    public int? CitationCount => Scholar?.CitationCount;

    /// <summary>What the paper cites, by arXiv id or DOI (see <see cref="ScholarRecord.Cites"/>).</summary>
    public ImmutableArray<string> Cites => Scholar?.Cites ?? [];

    /// <summary>Equal when they say the same: where a record was read from is not part of what it says.</summary>
    public bool Equals(PaperMetadata? other) =>
        other is not null && Id == other.Id && Equals(Arxiv, other.Arxiv) && Equals(Scholar, other.Scholar);

    public override int GetHashCode() => HashCode.Combine(Id, Arxiv, Scholar);
}
