using PaperAtlas.Graph;
using PaperAtlas.Incremental;
using PaperAtlas.Load;
using PaperAtlas.Render.GraphLayout;
using PaperAtlas.Render.Pages;
using Scriban.Runtime;

namespace PaperAtlas.Render;

/// <summary>A file of the site that is not a page (papers.json, the feed, the theme's assets), written as a stream.</summary>
public sealed record Export(string Path, Action<Stream> Write);

/// <summary>
/// Render: the page table (every page of the site, its route, template and model) and the loop that renders pages with
/// the theme; the models come from one small builder per page kind (<see cref="Pages"/>). Pages render in parallel and
/// are handed on as each is ready, so nothing depends on thread timing but the order files are written in.
/// </summary>
public sealed class SiteRenderer
{
    private readonly PaperGraph _graph;
    private readonly SiteSettings _settings;
    private readonly Theme _theme;
    private readonly SiteModels _models;
    private readonly Lazy<IReadOnlyList<Page>> _pages;

    /// <param name="guide">The contributors' guide (CONTRIBUTING.md) as Markdown, published as /contribute/.</param>
    /// <param name="layouts">Whole-atlas layouts made before (the preview server keeps them); null starts afresh.</param>
    public SiteRenderer(PaperGraph graph, SiteSettings settings, Theme theme, string? baseUrl, string? guide = null, Memo<LayoutInput, Point[]>? layouts = null)
    {
        _graph = graph;
        _theme = theme;
        Routes = new Routes(baseUrl ?? settings.BaseUrl);
        // A whole address given as the base URL names the site's origin, as site.yml's `url` does.
        _settings = settings = Routes.Origin is { } origin ? settings with { SiteUrl = origin } : settings;
        Site = new SiteView(settings.ShownTitle, settings.Description, settings.Language, Routes.Base, Routes.Asset("site.css").Url, Routes.Asset("site.js").Url, Routes.Asset("graph.js").Url,
            Routes.Home.Url, Routes.Papers.Url, Routes.Topics.Url, Routes.Years.Url, Routes.Lists.Url, Routes.Search.Url, Routes.Graph.Url, Routes.File("feed.xml").Url,
            guide is null ? null : Routes.Contribute.Url, settings.SiteUrl?.TrimEnd('/'), new RawHtml(ContentSecurityPolicy.For(settings)));
        _models = new SiteModels(graph, settings, Routes, theme.Strings, layouts ?? new Memo<LayoutInput, Point[]>());
        _pages = new Lazy<IReadOnlyList<Page>>(() => [.. PageTable(guide)]);
    }

    public Routes Routes { get; }

    /// <summary>What every page's layout receives as <c>site</c>.</summary>
    public SiteView Site { get; }

    /// <summary>Every page of the site: the overview pages, then one per topic, year, list and paper.</summary>
    public IReadOnlyList<Page> Pages => _pages.Value;

    private IEnumerable<Page> PageTable(string? guide)
    {
        var routes = Routes;
        foreach (var page in OverviewPages.For(_models))
        {
            yield return page;
        }

        yield return OverviewPages.Titled(_models, routes.Search, "search", () => routes.Papers.Url);
        yield return OverviewPages.Titled(_models, routes.Graph, "graph", () => GraphPage.Model(_models));
        yield return OverviewPages.Titled(_models, routes.NotFound, "404", () => routes.Home.Url, key: "not_found");
        if (guide is not null)
        {
            yield return OverviewPages.Titled(_models, routes.Contribute, "contribute", () => Notes.Of(guide, _settings.ExternalImages));
        }

        foreach (var page in OverviewPages.Topics(_models).Concat(OverviewPages.Years(_models)).Concat(_graph.Lists.Select(l => ListPage.For(_models, l))))
        {
            yield return page;
        }

        foreach (var paper in _graph.Papers)
        {
            yield return PaperPage.For(_models, paper);
        }
    }

    /// <summary>Lays out the whole graph for /graph/ (once; the page rendered later reuses it). Separate so a build can time it.</summary>
    public int LayoutGraph() => _models.Pictures.Whole().Nodes.Length;

    /// <summary>
    /// Renders <paramref name="pages"/> and hands each to <paramref name="write"/> (from several threads) as soon as it is
    /// ready. A page's model is made as it renders, unless <paramref name="modelOf"/> gives the one made already.
    /// </summary>
    public int RenderPages(IEnumerable<Page> pages, FileWriter write, ParallelOptions parallel, Func<Page, object>? modelOf = null)
    {
        modelOf ??= page => page.Model();
        var count = 0;
        var (papers, others) = (new List<Page>(), new List<Page>());
        foreach (var page in pages)
        {
            (page.Template == "paper" ? papers : others).Add(page);
        }

        void Render(Page page)
        {
            write(page.Route.Path, RenderPage(page, modelOf(page)));
            Interlocked.Increment(ref count);
        }

        // In a large atlas the overview pages hold tens of thousands of rows each: side by side they were the build's
        // memory peak, so they take turns.
        Parallel.ForEach(others, AtlasSize.IsLarge(_graph.Papers.Length) ? new ParallelOptions { MaxDegreeOfParallelism = 1 } : parallel, Render);
        Parallel.ForEach(papers, parallel, Render);
        return count;
    }

    /// <summary>
    /// Every file that is not a page: the whole-atlas exports (streamed: hundreds of MB in a large atlas), the feed, the
    /// sitemap, robots.txt and the theme's assets.
    /// </summary>
    public IReadOnlyList<Export> Exports()
    {
        var graph = _graph;
        var settings = _settings;
        var routes = Routes;
        List<Export> exports =
        [
            new("papers.json", stream => PapersJson.Write(graph, stream)),
            new("papers.bib", stream => Bibtex.Write(graph, stream)),
            new("feed.xml", stream => stream.Write(Feeds.Atom(graph, settings, routes))),
            new("sitemap.xml", stream => stream.Write(Feeds.Sitemap(SitemapEntries(), settings))),
            new("robots.txt", stream => stream.Write(Feeds.Robots(settings, routes))),
        ];
        foreach (var asset in _theme.Assets)
        {
            var theme = _theme;
            exports.Add(new Export(routes.Asset(asset).Path, stream => stream.Write(theme.ReadAsset(asset))));
        }

        return exports;
    }

    /// <summary>The page as its template lays it out with <paramref name="model"/>, in the layout; valid until this thread renders again.</summary>
    public ReadOnlySpan<byte> RenderPage(Page page, object model)
    {
        var globals = new ScriptObject
        {
            ["site"] = Site,
            ["page"] = page.View,
            ["model"] = model,
            ["t"] = _theme.Strings,
        };
        return _theme.RenderPage(page.Template, globals);
    }

    private IEnumerable<(string, string?)> SitemapEntries()
    {
        var routes = Routes;
        yield return (routes.Home.Url, null);
        yield return (routes.Papers.Url, null);
        yield return (routes.Topics.Url, null);
        yield return (routes.Years.Url, null);
        yield return (routes.Lists.Url, null);
        yield return (routes.Graph.Url, null);
        foreach (var paper in _graph.Papers)
        {
            yield return (routes.Paper(paper.Slug).Url, paper.Year is null ? null : Feeds.DateOf(paper));
        }

        foreach (var topic in _graph.Topics)
        {
            yield return (routes.Topic(topic.Id).Url, null);
        }

        foreach (var year in _graph.Years)
        {
            yield return (routes.Year(year).Url, null);
        }

        foreach (var list in _graph.Lists)
        {
            yield return (routes.List(list.Id).Url, null);
        }
    }
}
