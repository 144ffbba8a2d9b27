namespace PaperAtlas.Render;

/// <summary>Every internal URL, prefixed with the base path the site is served under (e.g. <c>/paper-atlas/</c>).</summary>
public sealed class Urls
{
    public Urls(string? basePath)
    {
        var trimmed = (basePath ?? "/").Trim();
        Base = "/" + trimmed.Trim('/') + (trimmed.Trim('/').Length > 0 ? "/" : "");
    }

    /// <summary>Always starts and ends with '/'.</summary>
    public string Base { get; }

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
