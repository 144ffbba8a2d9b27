namespace PaperAtlas.Load;

/// <summary>A reading path declared in site.yml: named, ordered steps, each a paper id or name.</summary>
public sealed record DeclaredReadingPath(string Title, EquatableArray<string> Steps);

/// <summary>site.yml: what the site is called and how it is served.</summary>
/// <param name="TitleZh">The title in Chinese, shown instead of <paramref name="Title"/> when the site's own words are Chinese (<see cref="ShownTitle"/>).</param>
/// <param name="Languages">The languages of the site, the first the one its own words (the theme's strings) are in.</param>
/// <param name="BaseUrl">The path the site is served under: starts with one '/' (<see cref="IsBasePath"/>).</param>
/// <param name="Templates">The theme folder, a relative path beside content/ (<see cref="IsThemePath"/>).</param>
/// <param name="SiteUrl">The site's absolute http(s) address, for the feed and the sitemap (<see cref="IsSiteUrl"/>).</param>
/// <param name="ExternalImages">
/// Whether images from other sites are shown in notes. Off by default: an image from elsewhere tells its server who
/// reads which page, so it is shown as a link, and the Content-Security-Policy loads images from the site alone.
/// </param>
public sealed record SiteSettings(
    string Title,
    string? TitleZh,
    string Description,
    EquatableArray<string> Languages,
    string BaseUrl,
    string? Templates,
    string? SiteUrl,
    EquatableArray<DeclaredReadingPath> ReadingPaths,
    bool ExternalImages = false)
{
    /// <summary>The site's own language: the first of <see cref="Languages"/>.</summary>
    public string Language => Languages.IsEmpty ? "en" : Languages[0];

    public static SiteSettings Default { get; } =
        new("Paper Atlas", null, "", ["en", "zh"], "/", null, null, []);

    /// <summary>Every setting site.yml may hold (README, "Content format"); another key is a warning at its line.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["title", "title_zh", "description", "languages", "baseUrl", "base_url", "url", "templates", "external_images", "reading_paths"];

    /// <summary>The title the site shows: <see cref="TitleZh"/> where its own words are Chinese, else <see cref="Title"/>.</summary>
    public string ShownTitle => TitleZh is not null && Render.LanguageOfParts.IsChinese(Language) ? TitleZh : Title;

    /// <summary>A language tag: two or three letters, then '-' and letters or digits (<c>en</c>, <c>zh-Hans</c>).</summary>
    public static bool IsLanguageTag(string value)
    {
        var parts = value.Split('-');
        return parts[0].Length is 2 or 3 && parts[0].All(char.IsAsciiLetterLower)
            && parts.Skip(1).All(p => p.Length is > 0 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }

    /// <summary>
    /// A path that starts with one '/' and holds only letters, digits, '-', '.', '_', '~' and '/' in plain segments:
    /// "/\\evil.example/" or "//evil.example/" would send every link of the site to another host.
    /// </summary>
    public static bool IsBasePath(string value) =>
        value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal)
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '/')
        && value.Split('/').All(segment => segment is not ("." or ".."));

    /// <summary>An absolute http(s) URL with a host, and nothing a feed or robots.txt line could be broken with.</summary>
    public static bool IsSiteUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
        && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or '\\');

    /// <summary>A relative path of plain folder names ('/' between them), so the theme is a folder beside content/, never above it.</summary>
    public static bool IsThemePath(string value) =>
        value.Split('/').All(segment => segment.Length > 0 && segment[0] != '.' && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'));
}
