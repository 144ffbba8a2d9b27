using PaperAtlas.Read;

namespace PaperAtlas.Graph;

/// <summary>One paper, once, with everything every list and paper file says about it.</summary>
/// <param name="Id">The canonical id: arXiv id without version, else the DOI, else a key made from the title.</param>
/// <param name="Slug">The id as one safe URL path segment (<c>/papers/&lt;slug&gt;/</c>).</param>
public sealed record Paper(
    string Id,
    string Slug,
    string? ArxivId,
    string? Doi,
    string Title,
    int? Year,
    int? Month,
    EquatableArray<string> Authors,
    string? Venue,
    EquatableArray<string> Topics,
    EquatableArray<string> Aliases,
    EquatableArray<PaperLinkRef> Links,
    EquatableArray<PaperMention> Mentions)
{
    /// <summary>The paper file's body, when the paper has a file.</summary>
    public string ContributorNotes =>
        Mentions.FirstOrDefault(m => m.Kind == MentionKind.PaperFile)?.Note ?? "";

    public bool HasPaperFile => Mentions.Any(m => m.Kind == MentionKind.PaperFile);

    /// <summary>How many curated lists mention the paper (its own paper file is not a list).</summary>
    public int ListCount => Mentions.Select(m => m.ListId).Where(l => l != PaperFileReader.ListId).Distinct(StringComparer.Ordinal).Count();
}
