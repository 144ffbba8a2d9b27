namespace PaperAtlas.FakeServices;

/// <summary>A paper as the fake services know it: what arXiv and Semantic Scholar each say about it.</summary>
/// <param name="ArxivId">Its arXiv id without version; null for a paper arXiv does not have.</param>
/// <param name="Version">The latest version, which arXiv's <c>&lt;id&gt;</c> names (<c>…v7</c>).</param>
/// <param name="References">What it cites, each an arXiv id or a DOI, as Semantic Scholar's references give them.</param>
public sealed record FakePaper(
    string? ArxivId,
    int Version,
    string Title,
    IReadOnlyList<string> Authors,
    string Abstract,
    DateTimeOffset Published,
    string PrimaryCategory,
    string? Doi,
    string? JournalRef,
    string? Venue,
    int CitationCount,
    IReadOnlyList<string> References)
{
    /// <summary>Whether arXiv answers for it (false: arXiv leaves it out of the feed, as for an id it does not have).</summary>
    public bool KnownToArxiv { get; init; } = ArxivId is not null;

    /// <summary>Whether Semantic Scholar answers for it (false: its batch answer has <c>null</c> in its place).</summary>
    public bool KnownToScholar { get; init; } = true;

    /// <summary>Semantic Scholar's id: 40 hex digits (as its SHA-1-shaped ids), stable for the paper.</summary>
    public string ScholarId => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ArxivId ?? Doi ?? Title)))[..40];

    public int Year => Published.Year;

    /// <summary>A paper the fakes make up for an arXiv id: deterministic, with non-ASCII authors and TeX in the abstract.</summary>
    public static FakePaper Synthetic(string arxivId, IReadOnlyList<string> references) => new(
        arxivId,
        1 + (arxivId.Length % 3),
        $"A synthetic study of paper {arxivId}, as the fake arXiv tells it",
        ["Ada Example", "Błażej Testowy", "Zoë Ünicode"],
        $"We describe paper {arxivId} in words that wrap across lines, as arXiv's abstracts do. It costs $O(n^2)$ time & \"quotes\" survive; so does <this>.",
        PublishedOf(arxivId),
        "cs.CL",
        null,
        null,
        "Fake Conference on Language",
        arxivId.Sum(c => c) % 500,
        references);

    /// <summary>A first-version day consistent with the id's year and month.</summary>
    private static DateTimeOffset PublishedOf(string arxivId)
    {
        var (year, month) = Read.ArxivId.DateOf(arxivId);
        return new DateTimeOffset(year, month, 1 + (arxivId.Sum(c => c) % 27), 17, 57, 34, TimeSpan.Zero);
    }
}
