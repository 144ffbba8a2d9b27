using System.Collections.Immutable;

namespace PaperAtlas.Metadata;

/// <summary>What arXiv's API says about a paper: its own title, authors and abstract, as the authors submitted them.</summary>
/// <param name="Published">The day the first version was submitted (the feed's <c>&lt;published&gt;</c>).</param>
/// <param name="PrimaryCategory">The arXiv category the paper was filed under, e.g. <c>cs.CL</c>.</param>
/// <param name="JournalRef">Where the paper later appeared, as its authors wrote it.</param>
public sealed record ArxivRecord(
    string Title,
    ImmutableArray<string> Authors,
    string? Abstract,
    DateOnly? Published,
    string? PrimaryCategory,
    string? Doi,
    string? JournalRef)
{
    public bool Equals(ArxivRecord? other) =>
        other is not null && Title == other.Title && Authors.SequenceEqual(other.Authors, StringComparer.Ordinal)
        && Abstract == other.Abstract && Published == other.Published && PrimaryCategory == other.PrimaryCategory
        && Doi == other.Doi && JournalRef == other.JournalRef;

    public override int GetHashCode() => HashCode.Combine(Title, Authors.Length, Abstract, Published);
}
