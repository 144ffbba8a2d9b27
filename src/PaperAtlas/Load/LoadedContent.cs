using PaperAtlas.Graph;

namespace PaperAtlas.Load;

/// <summary>A content file Load found: where it is inside the content folder (e.g. <c>lists/llmfreshman.md</c>) and what it holds.</summary>
public sealed record ContentFile(string RelativePath, DocumentKind Kind);

/// <summary>What Load finds under content/: the settings, the topics and the content files, not yet read.</summary>
public sealed record LoadedContent(
    string ContentPath,
    SiteSettings Settings,
    EquatableArray<Topic> Topics,
    EquatableArray<ContentFile> Files)
{
    /// <summary>The content folder as diagnostics show it (e.g. <c>content</c>), for paths made after loading.</summary>
    public string DisplayRoot { get; init; } = ".";

    /// <summary>A content-relative path as diagnostics show it.</summary>
    public string Shown(string relative) => ContentLoader.Shown(DisplayRoot, relative);
}
