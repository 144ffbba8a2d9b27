using System.Collections.Immutable;

namespace PaperAtlas.Metadata;

/// <summary>What the Semantic Scholar Graph API says about a paper: where it appeared, how often it is cited, what it cites.</summary>
/// <param name="PaperId">Semantic Scholar's own id (40 hex digits), so a refresh can ask for the same paper again.</param>
/// <param name="ArxivId">The arXiv id Semantic Scholar knows the paper by, when it knows one.</param>
/// <param name="Cites">
/// The papers this one cites, each by its arXiv id (no version) or, without one, its DOI; sorted, once each. Every
/// reference is kept, not only those in the atlas today, so a paper added later finds who cites it without a refresh.
/// </param>
public sealed record ScholarRecord(
    string? PaperId,
    string? Title,
    ImmutableArray<string> Authors,
    int? Year,
    string? Venue,
    int? CitationCount,
    string? ArxivId,
    string? Doi,
    ImmutableArray<string> Cites)
{
    public bool Equals(ScholarRecord? other) =>
        other is not null && PaperId == other.PaperId && Title == other.Title
        && Authors.SequenceEqual(other.Authors, StringComparer.Ordinal) && Year == other.Year && Venue == other.Venue
        && CitationCount == other.CitationCount && ArxivId == other.ArxivId && Doi == other.Doi
        && Cites.SequenceEqual(other.Cites, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(PaperId, Title, Authors.Length, Year, CitationCount, Cites.Length);
}
