namespace PaperAtlas.Load;

/// <summary>A reading path declared in site.yml: named, ordered steps, each a paper id or name.</summary>
public sealed record DeclaredReadingPath(string Title, EquatableArray<string> Steps);

/// <summary>site.yml: what the site is called and how it is served.</summary>
/// <param name="BaseUrl">The path the site is served under: starts with one '/' (<see cref="IsBasePath"/>).</param>
/// <param name="Templates">The theme folder, a relative path beside content/ (<see cref="IsThemePath"/>).</param>
/// <param name="SiteUrl">The site's absolute http(s) address, for the feed and the sitemap (<see cref="IsSiteUrl"/>).</param>
/// <param name="ExternalImages">
/// Whether images from other sites are shown in notes. Off by default: an image from elsewhere tells its server who
/// reads which page, so it is shown as a link, and the Content-Security-Policy loads images from the site alone.
/// </param>
public sealed record SiteSettings(
    string Title,
    string TitleZh,
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
        new("Paper Atlas", "论文图谱", "", ["en", "zh"], "/", null, null, []);

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
