using System.Globalization;
using PaperAtlas.Graph;
using PaperAtlas.Load;
using PaperAtlas.Read;
using PaperAtlas.Render.GraphLayout;
using Scriban.Runtime;

namespace PaperAtlas.Render.Pages;

/// <summary>
/// What the page model builders share: the graph, the routes, the theme's words, and the models many pages show (a
/// paper's row, a topic's chip, a list's summary, the reading paths). Safe to read from the parallel renderers.
/// </summary>
internal sealed class SiteModels
{
    private readonly ScriptObject _strings;
    private readonly Dictionary<string, TopicChip> _chips;
    private readonly PaperRows _rows;
    private readonly Lazy<EquatableArray<PathView>> _paths;
    private readonly Dictionary<string, Lazy<EquatableArray<string>>> _numberedNames;

    public SiteModels(PaperGraph graph, SiteSettings settings, Routes routes, ScriptObject strings, Incremental.Memo<LayoutInput, Point[]> layouts)
    {
        Graph = graph;
        Settings = settings;
        Routes = routes;
        _strings = strings;
        _chips = graph.Topics.ToDictionary(t => t.Id, t => new TopicChip(t.Id, t.Name, t.NameZh, routes.Topic(t.Id).Url, graph.InTopic(t.Id).Length), StringComparer.Ordinal);
        _rows = new PaperRows(graph, Row);
        _paths = new(() =>
        [
            .. graph.ReadingPaths.Select(path => new PathView(
                path.Title,
                graph.FindList(path.Source)?.Title ?? path.Source,
                [.. path.Steps.Select(s => new StepView(s.Label, [.. s.PaperIds.Select(id => _rows[id])]))])),
        ]);
        _numberedNames = graph.Lists.ToDictionary(
            l => l.Id, l => new Lazy<EquatableArray<string>>(() => [.. CitationLinks.NumberedNames(l).Order(StringComparer.Ordinal)]), StringComparer.Ordinal);
        Pictures = new PaperGraphPictures(graph, routes, layouts);
    }

    public PaperGraph Graph { get; }

    public SiteSettings Settings { get; }

    public Routes Routes { get; }

    public PaperGraphPictures Pictures { get; }

    /// <summary>The language of the site's own words.</summary>
    public string Lang => Settings.Language;

    /// <summary>Every topic's chip, in topics.yml order.</summary>
    public IEnumerable<TopicChip> Chips => _chips.Values;

    public TopicChip Chip(string topicId) => _chips[topicId];

    public PaperRow Row(string paperId) => _rows[paperId];

    /// <summary>Every reading path, its steps' papers as rows.</summary>
    public EquatableArray<PathView> Paths => _paths.Value;

    /// <summary>The names with a version number a list's headings use ("Llama 3"), which its prose does not cite by.</summary>
    public EquatableArray<string> NumberedNames(string listId) => _numberedNames.TryGetValue(listId, out var names) ? names.Value : [];

    public EquatableArray<YearCount> Timeline() =>
        [.. Graph.Years.Select(y => new YearCount(y, Graph.InYear(y).Length, Routes.Year(y).Url))];

    public ListSummary Summary(SourceList list) => new(
        list.Id, list.Title, list.Info.Description, list.Info.Lang, Routes.List(list.Id).Url, ShapeName(list.Info.Shape),
        Graph.InList(list.Id).Length, ListPageHtml.SourceUri(list.Info) is null ? null : list.Info.Source);

    /// <summary>The theme's word for <paramref name="key"/> (strings.yml), or <paramref name="fallback"/>.</summary>
    public string Label(string key, string fallback) =>
        _strings.TryGetValue(key, out var value) && value is string text ? text : fallback;

    /// <summary>The theme's word for <paramref name="key"/> as text, whatever it is; <paramref name="fallback"/> without one.</summary>
    public string Text(string key, string fallback) =>
        _strings.TryGetValue(key, out var value) ? value?.ToString() ?? fallback : fallback;

    public string RelationLabel(string kind) => Label("relation_" + kind.Replace(':', '_').Replace('-', '_'), kind);

    public string KindLabel(MentionKind kind) => Label("mention_" + PapersJson.KindName(kind).Replace('-', '_'), PapersJson.KindName(kind));

    private PaperRow Row(Paper paper) => new(
        paper.Id,
        Routes.Paper(paper.Slug).Url,
        paper.Title,
        paper.Year,
        paper.Year is { } y ? (paper.Month is { } m ? $"{y}-{m:00}" : y.ToString(CultureInfo.InvariantCulture)) : "",
        [.. paper.Topics.Select(t => _chips[t])],
        string.Join(", ", paper.Aliases),
        Nickname(paper),
        paper.ListCount);

    /// <summary>The name readers know a paper by when its title does not say it: "Visual Instruction Tuning" is LLaVA.</summary>
    private static string? Nickname(Paper paper) => paper.Aliases
        .Where(a => a.Length is > 0 and <= 24 && !paper.Title.Contains(a, StringComparison.OrdinalIgnoreCase))
        .OrderBy(a => a.Length).ThenBy(a => a, StringComparer.Ordinal)
        .FirstOrDefault();

    private static string ShapeName(ListShape shape) => shape switch
    {
        ListShape.Table => "table",
        ListShape.Headings => "headings",
        ListShape.YearTable => "year-table",
        ListShape.Report => "report",
        _ => "links",
    };
}
