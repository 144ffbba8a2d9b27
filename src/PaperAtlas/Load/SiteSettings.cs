using System.Collections.Immutable;

namespace PaperAtlas.Load;

/// <summary>A reading path declared in site.yml: named, ordered steps, each a paper id or name.</summary>
public sealed record DeclaredReadingPath(string Title, ImmutableArray<string> Steps);

/// <summary>site.yml: what the site is called and how it is served.</summary>
public sealed record SiteSettings(
    string Title,
    string TitleZh,
    string Description,
    ImmutableArray<string> Languages,
    string BaseUrl,
    string? Templates,
    string? SiteUrl,
    ImmutableArray<DeclaredReadingPath> ReadingPaths)
{
    public static SiteSettings Default { get; } =
        new("Paper Atlas", "论文图谱", "", ["en", "zh"], "/", null, null, []);
}
