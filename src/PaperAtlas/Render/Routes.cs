namespace PaperAtlas.Render;

/// <summary>A page's or file's place: its path in the output folder and its URL (base path included).</summary>
public readonly record struct Route(string Path, string Url);

/// <summary>
/// Where every page kind lives: the one table of output paths and URLs, for rendering, the exports, the link checker
/// and the preview server. A page is a folder's <c>index.html</c>, linked as the folder (<c>/papers/2106.09685/</c>).
/// </summary>
public sealed class Routes
{
    private const string Index = "index.html";

    /// <param name="baseUrl">
    /// The path the site is served under (<c>/paper-atlas/</c>), or the site's whole address
    /// (<c>https://octocat.github.io/paper-atlas/</c>, what GitHub Pages' configure-pages gives as <c>base_url</c>):
    /// then links stay paths and <see cref="Origin"/> makes the feed, sitemap and canonical links absolute.
    /// </param>
    public Routes(string? baseUrl)
    {
        var trimmed = (baseUrl ?? "/").Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var address) && address.Scheme is "http" or "https")
        {
            Origin = address.GetLeftPart(UriPartial.Authority);
            trimmed = address.AbsolutePath;
        }

        Base = "/" + trimmed.Trim('/') + (trimmed.Trim('/').Length > 0 ? "/" : "");
    }

    /// <summary>Always starts and ends with '/'.</summary>
    public string Base { get; }

    /// <summary>Scheme and host (<c>https://octocat.github.io</c>) when the base URL was a whole address; else null.</summary>
    public string? Origin { get; }

    public Route Home => Page("");

    public Route Papers => Page("papers/");

    public Route Paper(string slug) => Page($"papers/{slug}/");

    public Route Topics => Page("topics/");

    public Route Topic(string id) => Page($"topics/{id}/");

    public Route Years => Page("years/");

    public Route Year(int year) => Page($"years/{year}/");

    public Route Lists => Page("lists/");

    public Route List(string id) => Page($"lists/{id}/");

    public Route Search => Page("search/");

    public Route Graph => Page("graph/");

    public Route Contribute => Page("contribute/");

    public Route NotFound => File("404.html");

    /// <summary>A theme asset, <c>assets/&lt;name&gt;</c>.</summary>
    public Route Asset(string name) => File("assets/" + name);

    /// <summary>A file at the site's root or below it, as it is named (<c>feed.xml</c>, <c>papers.json</c>).</summary>
    public Route File(string path) => new(path, Base + path);

    /// <summary>
    /// The output file a URL path names (<c>/base/papers/x/</c> → <c>papers/x/index.html</c>): a folder's is its
    /// <c>index.html</c>. Null when the path is not under <see cref="Base"/>.
    /// </summary>
    public string? FileOf(string urlPath)
    {
        if (!(urlPath + "/").StartsWith(Base, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = urlPath.Length < Base.Length ? "" : urlPath[Base.Length..];
        return relative.Length == 0 || relative.EndsWith('/') ? relative + Index : relative;
    }

    private Route Page(string folder) => new(folder + Index, Base + folder);
}
