using System.Collections.Immutable;
using System.Globalization;
using PaperAtlas.Graph;
using PaperAtlas.Load;
using PaperAtlas.Read;
using PaperAtlas.Render.GraphLayout;
using Scriban.Runtime;

namespace PaperAtlas.Render;

/// <summary>
/// Render: every page and export of the site, as (site-relative path, bytes). Pages render in parallel;
/// the result is sorted by path so nothing depends on thread timing.
/// </summary>
public sealed class SiteRenderer
{
    /// <summary>From this many papers on, the overview pages (tables of papers) render one at a time.</summary>
    private const int OverviewsOneAtATimeFrom = 20_000;

    private readonly PaperGraph _graph;
    private readonly SiteSettings _settings;
    private readonly Theme _theme;
    private readonly Urls _urls;
    private readonly SiteView _site;
    private readonly Dictionary<string, TopicChip> _topics;
    private readonly PaperRows _rows;
    private readonly Dictionary<string, SourceList> _lists;

    private readonly string? _guide;
    private readonly PaperGraphPictures _pictures;
    private readonly Lazy<SeeAlso> _seeAlso;
    private readonly ImmutableArray<PathView> _paths;
    private readonly Lazy<GraphView> _graphPage;
    private readonly Dictionary<string, Lazy<IReadOnlySet<string>>> _citationNames;

    /// <param name="guide">The contributors' guide (CONTRIBUTING.md) as Markdown, published as /contribute/.</param>
    public SiteRenderer(PaperGraph graph, SiteSettings settings, Theme theme, string? baseUrl, string? guide = null)
    {
        _guide = guide;
        _graph = graph;
        _theme = theme;
        _urls = new Urls(baseUrl ?? settings.BaseUrl);
        // A whole address given as the base URL names the site's origin, as site.yml's `url` does.
        _settings = settings = _urls.Origin is { } origin ? settings with { SiteUrl = origin } : settings;
        var lang = settings.Languages.FirstOrDefault() ?? "en";
        _site = new SiteView(settings.ShownTitle, settings.Description, lang, _urls.Base, _urls.Asset("site.css"), _urls.Asset("site.js"), _urls.Asset("graph.js"),
            _urls.Home, _urls.Papers, _urls.Topics, _urls.Years, _urls.Lists, _urls.Search, _urls.Graph, _urls.File("feed.xml"),
            guide is null ? null : _urls.File("contribute/"), settings.SiteUrl?.TrimEnd('/'), new RawHtml(ContentSecurityPolicy.For(settings)));
        _topics = graph.Topics.ToDictionary(t => t.Id, t => new TopicChip(t.Id, t.Name, t.NameZh, _urls.Topic(t.Id), graph.InTopic(t.Id).Length), StringComparer.Ordinal);
        _rows = new PaperRows(graph, Row);
        _lists = graph.Lists.ToDictionary(l => l.Id, StringComparer.Ordinal);
        _citationNames = graph.Lists.ToDictionary(l => l.Id, l => new Lazy<IReadOnlySet<string>>(() => CitationLinks.NumberedNames(l)), StringComparer.Ordinal);
        _pictures = new PaperGraphPictures(graph, _urls, kind => RelationLabel(kind));
        _graphPage = new Lazy<GraphView>(GraphPage);
        _seeAlso = new Lazy<SeeAlso>(() => new SeeAlso(graph));
        _paths = ReadingPaths();
    }

    /// <summary>Lays out the whole graph for /graph/ (once; pages rendered later reuse it). Separate so a build can time it.</summary>
    public int LayoutGraph() => _graphPage.Value.NodeCount;

    /// <summary>Renders every page and hands it to <paramref name="write"/> (from several threads) as soon as it is ready.</summary>
    /// <param name="include">Renders only the pages whose site-relative path it accepts (the preview server's incremental rebuilds); null renders all.</param>
    public int RenderPages(FileWriter write, ParallelOptions? parallel = null, Func<string, bool>? include = null)
    {
        parallel ??= new ParallelOptions();
        include ??= _ => true;
        var count = 0;

        // Models are built inside the parallel loop and only for the pages rendered: list pages parse and rewrite
        // whole lists, and an incremental rebuild must not pay for the graph layout or every topic.
        var pages = new List<(string Path, string Template, PageView Page, Func<object> Model)>
        {
            ("index.html", "home", new PageView(_settings.ShownTitle, "home", _urls.Home, _settings.Description), Home),
            ("papers/index.html", "papers", Page("papers", _urls.Papers), () => _graph.Papers.Select(p => _rows[p.Id]).ToImmutableArray()),
            ("topics/index.html", "topics", Page("topics", _urls.Topics), () => _topics.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToImmutableArray()),
            ("years/index.html", "years", Page("years", _urls.Years), () => Timeline()),
            ("lists/index.html", "lists", Page("lists", _urls.Lists), () => _graph.Lists.Select(Summary).ToImmutableArray()),
            ("search/index.html", "search", Page("search", _urls.Search), () => _urls.Papers),
            ("graph/index.html", "graph", Page("graph", _urls.Graph), () => _graphPage.Value),
            ("404.html", "404", Page("not_found", _urls.File("404.html")), () => _urls.Home),
        };
        if (_guide is not null)
        {
            pages.Add(("contribute/index.html", "contribute", Page("contribute", _urls.File("contribute/")), () => MarkdownHtml.Note(_guide, _settings.ExternalImages)));
        }

        pages.AddRange(_graph.Topics.Select(t => ($"topics/{t.Id}/index.html", "topic", new PageView($"{t.Name} · {t.NameZh}", "topic", _urls.Topic(t.Id), t.Description), (Func<object>)(() => TopicPage(t)))));
        var years = _graph.Years;
        pages.AddRange(years.Select((y, i) => ($"years/{y}/index.html", "year", new PageView(y.ToString(CultureInfo.InvariantCulture), "year", _urls.Year(y), ""),
            (Func<object>)(() => new YearView(y, [.. _graph.InYear(y).Select(p => _rows[p.Id])], i > 0 ? years[i - 1] : null, i + 1 < years.Length ? years[i + 1] : null)))));
        pages.AddRange(_graph.Lists.Select(l => ($"lists/{l.Id}/index.html", "list", new PageView(l.Title, "list", _urls.List(l.Id), l.Info.Description), (Func<object>)(() => ListPage(l)))));

        // In a large atlas the overview pages hold tens of thousands of rows each (the paper table alone is 100 MB of
        // text at 100,000 papers): side by side they were the build's memory peak, so they take turns.
        var overviews = _graph.Papers.Length >= OverviewsOneAtATimeFrom ? new ParallelOptions { MaxDegreeOfParallelism = 1 } : parallel;
        Parallel.ForEach(pages.Where(p => include(p.Path)), overviews, page =>
        {
            write(page.Path, RenderPage(page.Template, page.Page, page.Model()));
            Interlocked.Increment(ref count);
        });
        Parallel.ForEach(_graph.Papers.Where(p => include($"papers/{p.Slug}/index.html")), parallel, paper =>
        {
            var view = PaperPage(paper);
            var page = new PageView(paper.Title, "paper", _urls.Paper(paper.Slug), paper.Aliases.IsEmpty ? "" : string.Join(", ", paper.Aliases));
            write($"papers/{paper.Slug}/index.html", RenderPage("paper", page, view));
            Interlocked.Increment(ref count);
        });

        return count;
    }

    /// <summary>
    /// The small exports (feed, sitemap, robots.txt) and the theme's assets. The whole-atlas exports, papers.json and
    /// papers.bib, are hundreds of MB in a large atlas: callers stream them (<see cref="PapersJson.Write(PaperGraph, Stream)"/>,
    /// <see cref="Bibtex.Write(PaperGraph, Stream)"/>).
    /// </summary>
    /// <param name="include">Renders only the exports whose site-relative path it accepts; null renders all.</param>
    public int RenderExports(FileWriter write, Func<string, bool>? include = null)
    {
        include ??= _ => true;
        var count = 0;
        void Add(string path, Func<byte[]> render)
        {
            if (include(path))
            {
                write(path, render());
                count++;
            }
        }

        Add("feed.xml", () => Feeds.Atom(_graph, _settings, _urls));
        Add("sitemap.xml", () => Feeds.Sitemap(SitemapEntries(), _settings));
        Add("robots.txt", () => Feeds.Robots(_settings, _urls));
        foreach (var asset in _theme.Assets)
        {
            Add("assets/" + asset, () => _theme.ReadAsset(asset));
        }

        return count;
    }

    private ReadOnlySpan<byte> RenderPage(string template, PageView page, object model)
    {
        var globals = new ScriptObject
        {
            ["site"] = _site,
            ["page"] = page,
            ["model"] = model,
            ["t"] = _theme.Strings,
        };
        return _theme.RenderPage(template, globals);
    }

    private PageView Page(string key, string path)
    {
        var title = _theme.Strings.TryGetValue(key, out var value) ? value?.ToString() ?? key : key;
        return new PageView(title, key, path, "");
    }

    private IEnumerable<(string, string?)> SitemapEntries()
    {
        yield return (_urls.Home, null);
        yield return (_urls.Papers, null);
        yield return (_urls.Topics, null);
        yield return (_urls.Years, null);
        yield return (_urls.Lists, null);
        yield return (_urls.Graph, null);
        foreach (var paper in _graph.Papers)
        {
            yield return (_urls.Paper(paper.Slug), paper.Year is null ? null : Feeds.DateOf(paper));
        }

        foreach (var topic in _graph.Topics)
        {
            yield return (_urls.Topic(topic.Id), null);
        }

        foreach (var year in _graph.Years)
        {
            yield return (_urls.Year(year), null);
        }

        foreach (var list in _graph.Lists)
        {
            yield return (_urls.List(list.Id), null);
        }
    }

    private PaperRow Row(Paper paper) => new(
        paper.Id,
        _urls.Paper(paper.Slug),
        paper.Title,
        paper.Year,
        paper.Year is { } y ? (paper.Month is { } m ? $"{y}-{m:00}" : y.ToString(CultureInfo.InvariantCulture)) : "",
        [.. paper.Topics.Select(t => _topics[t])],
        string.Join(", ", paper.Aliases),
        Nickname(paper),
        paper.ListCount);

    /// <summary>The name readers know a paper by when its title does not say it: "Visual Instruction Tuning" is LLaVA.</summary>
    private static string? Nickname(Paper paper) => paper.Aliases
        .Where(a => a.Length is > 0 and <= 24 && !paper.Title.Contains(a, StringComparison.OrdinalIgnoreCase))
        .OrderBy(a => a.Length).ThenBy(a => a, StringComparer.Ordinal)
        .FirstOrDefault();

    private ImmutableArray<PathView> ReadingPaths() =>
    [
        .. _graph.ReadingPaths.Select(path => new PathView(
            path.Title,
            _lists.TryGetValue(path.Source, out var list) ? list.Title : path.Source,
            [.. path.Steps.Select(s => new StepView(s.Label, [.. s.PaperIds.Select(id => _rows[id])]))])),
    ];

    /// <summary>The reading paths that pass through a paper, and at which step.</summary>
    private ImmutableArray<PathPlace> PathsThrough(Paper paper) =>
    [
        .. _paths.SelectMany(path => path.Steps
            .Select((step, i) => (step, i))
            .Where(x => x.step.Papers.Any(r => r.Id == paper.Id))
            .Take(1)
            .Select(x => new PathPlace(path, x.i))),
    ];

    private HomeView Home()
    {
        return new HomeView(
            _graph.Papers.Length,
            _graph.Topics.Length,
            _graph.Lists.Length,
            _graph.Papers.Sum(p => p.Mentions.Length),
            [.. _topics.Values.Where(t => t.Count > 0).OrderByDescending(t => t.Count).ThenBy(t => t.Id, StringComparer.Ordinal)],
            [.. Feeds.Newest(_graph, 12).Select(p => _rows[p.Id])],
            Timeline(),
            [.. _graph.Lists.Select(Summary)],
            _paths);
    }

    private ImmutableArray<YearCount> Timeline() =>
        [.. _graph.Years.Select(y => new YearCount(y, _graph.InYear(y).Length, _urls.Year(y)))];

    private ListSummary Summary(SourceList list) => new(
        list.Id, list.Title, list.Info.Description, list.Info.Lang, _urls.List(list.Id), ShapeName(list.Info.Shape),
        _graph.InList(list.Id).Length, ListPageHtml.SourceUri(list.Info) is null ? null : list.Info.Source);

    private static string ShapeName(ListShape shape) => shape switch
    {
        ListShape.Table => "table",
        ListShape.Headings => "headings",
        ListShape.YearTable => "year-table",
        ListShape.Report => "report",
        _ => "links",
    };

    private ListView ListPage(SourceList list)
    {
        var label = _theme.Strings.TryGetValue("paper_page", out var value) ? value?.ToString() ?? "paper" : "paper";
        var body = ListPageHtml.Render(list, _graph, _urls, label, _site.Lang, _settings.ExternalImages);
        var sections = new ListSectionChips(list, body);
        var papers = sections.Sections.IsEmpty ? [] : _graph.InList(list.Id).Select(p => sections.Row(_rows[p.Id])).ToImmutableArray();
        return new ListView(Summary(list), body.Html, sections.Sections, papers);
    }

    private TopicView TopicPage(Topic topic)
    {
        var matcher = new Normalise.TopicMatcher([topic]);
        var notes = _graph.Lists
            .SelectMany(l => l.TopicNotes.Select(n => (List: l, Note: n)))
            .Where(x => x.Note.Sections.Append(x.Note.Section).Any(s => matcher.Match(s.Title) is not null))
            .Select(x => new TopicNoteView(x.List.Title, _urls.List(x.List.Id) + "#" + x.Note.Anchor, x.Note.Section.Title,
                MarkdownHtml.Note(x.Note.Note, _settings.ExternalImages, document => MarkLanguage(document, x.List.Info.Lang)), x.List.Info.Lang))
            .ToImmutableArray();
        return new TopicView(_topics[topic.Id], topic.Description, [.. _graph.InTopic(topic.Id).Select(p => _rows[p.Id])], notes);
    }

    private PaperView PaperPage(Paper paper)
    {
        var mentions = MentionsOf(paper);
        var seeAlso = SeeAlsoOf(paper);
        var related = _graph.EdgesOf(paper.Id)
            .GroupBy(e => e.From == paper.Id ? e.Kind : "inverse:" + e.Kind, StringComparer.Ordinal)
            .Select(g => new RelatedGroup(RelationLabel(g.Key), [.. g.Select(e => e.From == paper.Id ? e.To : e.From).Distinct().Select(id => _rows[id])]))
            .Concat(seeAlso.IsEmpty ? [] : [new RelatedGroup(Label("see_also", "See also"), [.. seeAlso.Select(id => _rows[id])])])
            .ToImmutableArray();
        var picture = related.IsEmpty ? null : _pictures.Neighbourhood(paper, seeAlso);
        var neighbourhood = picture is null
            ? RawHtml.Empty
            : new RawHtml(GraphSvg.Write(picture, "neighbourhood", Label("neighbourhood", "Neighbourhood") + ": " + paper.Title));
        return new PaperView(
            _rows[paper.Id],
            paper.ArxivId,
            paper.Doi,
            paper.Authors,
            paper.Venue,
            paper.Aliases,
            [.. paper.Links.Select(l => new LinkView(l.Label, l.Url))],
            mentions,
            MarkdownHtml.Note(paper.ContributorNotes, _settings.ExternalImages),
            Bibtex.Entry(paper),
            related,
            neighbourhood,
            picture is null ? [] : LegendKinds(picture),
            PathsThrough(paper));
    }

    /// <summary>
    /// What the lists say about a paper, one card a mention. A works-cited entry has no text of its own: it folds into
    /// the mention of the same list whose text cites it (a report's section), else into that list's first other mention;
    /// a list that only cites the paper gets one card for all its entries.
    /// </summary>
    private ImmutableArray<MentionView> MentionsOf(Paper paper)
    {
        var shown = paper.Mentions.Where(m => m.Kind != MentionKind.PaperFile).ToList();
        static bool Folds(PaperMention m) => m.Kind == MentionKind.WorksCited && m.CitationNumber is not null && string.IsNullOrWhiteSpace(m.Note);
        var cited = new Dictionary<PaperMention, List<int>>(ReferenceEqualityComparer.Instance);
        var cards = new List<PaperMention>();
        foreach (var mention in shown)
        {
            if (!Folds(mention))
            {
                cards.Add(mention);
                continue;
            }

            var number = mention.CitationNumber!.Value;
            var host = shown.FirstOrDefault(m => m.ListId == mention.ListId && !Folds(m) && m.Citations.Contains(number))
                ?? shown.FirstOrDefault(m => m.ListId == mention.ListId && !Folds(m))
                ?? shown.First(m => m.ListId == mention.ListId);
            if (ReferenceEquals(host, mention))
            {
                cards.Add(mention);
            }

            if (!cited.TryGetValue(host, out var numbers))
            {
                cited[host] = numbers = [];
            }

            numbers.Add(number);
        }

        return [.. cards.Select(m => MentionView(m, cited.GetValueOrDefault(m) ?? []))];
    }

    private MentionView MentionView(PaperMention mention, IEnumerable<int> worksCited)
    {
        var list = _lists.GetValueOrDefault(mention.ListId);
        var listUrl = _urls.List(mention.ListId);
        var lang = list?.Info.Lang ?? "en";
        var note = MarkdownHtml.Note(mention.Note, _settings.ExternalImages, document =>
        {
            if (list is not null && !mention.Citations.IsEmpty)
            {
                CitationLinks.Link(document, mention.Citations.Max(), _citationNames[list.Id].Value, n => mention.Citations.Contains(n) ? $"{listUrl}#cite-{n}" : null);
            }

            MarkLanguage(document, lang);
        });
        return new MentionView(
            list?.Title ?? mention.ListId,
            listUrl,
            mention.Anchor.Length > 0 ? $"{listUrl}#{mention.Anchor}" : listUrl,
            KindLabel(mention.Kind),
            string.Join(" › ", mention.Sections.Select(s => s.Title)),
            mention.OwnHeading?.Title,
            mention.Title,
            mention.Year,
            note,
            lang,
            mention.File,
            mention.Location.Line,
            [.. worksCited.Order().Select(n => new CitedEntry(n, $"{listUrl}#cite-{n}"))]);
    }

    private static void MarkLanguage(Markdig.Syntax.MarkdownDocument document, string lang)
    {
        if (LanguageOfParts.IsChinese(lang))
        {
            LanguageOfParts.MarkEnglishLinks(document);
        }
    }

    /// <summary>
    /// The papers a paper's page lists under "see also" (never one it already relates): what an incremental
    /// rebuild must know to find the pages showing a paper.
    /// </summary>
    internal ImmutableArray<string> SeeAlsoOf(Paper paper) =>
        _seeAlso.Value.For(paper, _graph.EdgesOf(paper.Id).Select(e => e.From == paper.Id ? e.To : e.From).ToHashSet(StringComparer.Ordinal));

    private GraphView GraphPage()
    {
        var picture = _pictures.Whole();
        var svg = GraphSvg.Write(picture, "atlas-graph", Label("graph_title", "The paper graph"), filterable: true);
        var inPicture = picture.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var legend = _graph.Papers
            .GroupBy(_pictures.TopicIndex)
            .OrderBy(g => g.Key < 0 ? int.MaxValue : g.Key)
            .Select(g => new LegendTopic(
                g.Key < 0 ? new TopicChip("", Label("no_topic", "No topic"), "", _urls.Papers, g.Count()) : _topics[g.First().Topics[0]],
                TopicPalette.Colour(g.Key),
                g.Count(),
                [.. g.Where(p => inPicture.Contains(p.Id)).Select(p => _rows[p.Id])]))
            .ToImmutableArray();
        var legendKinds = LegendKinds(picture);
        // A capped picture lists the relations it draws; every paper's own page lists all of its relations.
        var drawn = picture.Nodes.Length == _graph.Papers.Length ? null : inPicture;
        var relations = _graph.Edges
            .Where(e => drawn is null || (drawn.Contains(e.From) && drawn.Contains(e.To)))
            .Select(e => new RelationView(_rows[e.From], RelationLabel(e.Kind), _rows[e.To],
                _lists.TryGetValue(e.Source, out var list) ? list.Title : Label("paper_files", "paper files")))
            .ToImmutableArray();
        return new GraphView(
            new RawHtml(svg), picture.Nodes.Length, picture.Edges.Length, legend, legendKinds,
            [.. _topics.Values.Where(t => t.Count > 0).OrderBy(t => t.Name, StringComparer.Ordinal)], _graph.Years, relations);
    }

    /// <summary>The edge kinds a picture draws, in the legend's order, with how many lines each.</summary>
    private ImmutableArray<LegendKind> LegendKinds(GraphPicture picture)
    {
        var kinds = picture.Edges.GroupBy(e => e.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return
        [
            .. EdgeStyle.Kinds.Append(EdgeStyle.SeeAlso).Concat(kinds.Keys.Where(k => !EdgeStyle.Kinds.Contains(k) && k != EdgeStyle.SeeAlso).Order(StringComparer.Ordinal))
                .Where(kinds.ContainsKey)
                .Select(k => new LegendKind(k, RelationLabel(k), kinds[k])),
        ];
    }

    private string KindLabel(MentionKind kind) => Label("mention_" + PapersJson.KindName(kind).Replace('-', '_'), PapersJson.KindName(kind));

    private string RelationLabel(string kind) => Label("relation_" + kind.Replace(':', '_').Replace('-', '_'), kind);

    private string Label(string key, string fallback) =>
        _theme.Strings.TryGetValue(key, out var value) && value is string text ? text : fallback;
}
