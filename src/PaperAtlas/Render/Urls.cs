namespace PaperAtlas.Render;

/// <summary>Every internal URL, prefixed with the base path the site is served under (e.g. <c>/paper-atlas/</c>).</summary>
public sealed class Urls
{
    /// <param name="baseUrl">
    /// The path the site is served under (<c>/paper-atlas/</c>), or the site's whole address
    /// (<c>https://octocat.github.io/paper-atlas/</c>, what GitHub Pages' configure-pages gives as <c>base_url</c>):
    /// then links stay paths and <see cref="Origin"/> makes the feed, sitemap and canonical links absolute.
    /// </param>
    public Urls(string? baseUrl)
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

    public string Home => Base;

    public string Papers => Base + "papers/";

    public string Paper(string slug) => $"{Base}papers/{slug}/";

    public string Topics => Base + "topics/";

    public string Topic(string id) => $"{Base}topics/{id}/";

    public string Years => Base + "years/";

    public string Year(int year) => $"{Base}years/{year}/";

    public string Lists => Base + "lists/";

    public string List(string id) => $"{Base}lists/{id}/";

    public string Search => Base + "search/";

    public string Graph => Base + "graph/";

    public string Asset(string name) => $"{Base}assets/{name}";

    public string File(string name) => Base + name;
}
