using System.Collections.Immutable;
using PaperAtlas.Graph;

namespace PaperAtlas.Load;

/// <summary>Everything under content/, parsed but not yet interpreted.</summary>
public sealed record LoadedContent(
    string ContentPath,
    SiteSettings Settings,
    ImmutableArray<Topic> Topics,
    ImmutableArray<SourceDocument> Lists,
    ImmutableArray<SourceDocument> Papers)
{
    /// <summary>The content folder as diagnostics show it (e.g. <c>content</c>), for paths made after loading.</summary>
    public string DisplayRoot { get; init; } = ".";

    /// <summary>A content-relative path as diagnostics show it.</summary>
    public string Shown(string relative) => ContentLoader.Shown(DisplayRoot, relative);
}
