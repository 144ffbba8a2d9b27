using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using PaperAtlas.Graph;

namespace PaperAtlas.Render.GraphLayout;

/// <summary>
/// Turns the paper graph into pictures: the whole atlas (force layout, overlap removal, labels that fit) and one
/// paper's neighbourhood (the paper in the middle, its related and "see also" papers around it).
/// </summary>
internal sealed class PaperGraphPictures
{
    public const double FontSize = 14;

    private readonly PaperGraph _graph;
    private readonly Routes _routes;
    private readonly Dictionary<string, int> _topicIndex;
    // Only the whole-atlas layout needs every paper's degree; a paper's neighbourhood must not pay for it.
    private readonly Lazy<Dictionary<string, int>> _degree;

    // A paper is drawn in the neighbourhood of every paper it is related to: its labels and tooltip are made once.
    private readonly ConcurrentDictionary<Paper, Look> _looks = new(ReferenceEqualityComparer.Instance);

    /// <summary>How a paper is drawn wherever it is drawn: its labels (long and short) and what its circle says.</summary>
    private sealed record Look(string? Label, string? RingLabel, string Url, string Tooltip, string Colour, string Topics);

    // Where the whole atlas's papers go, kept between builds by what the layout reads (the preview server's memo).
    private readonly Incremental.Memo<LayoutInput, Point[]>? _layouts;

    /// <param name="layouts">Layouts already made, by their nodes and edges; null makes each one.</param>
    public PaperGraphPictures(
        PaperGraph graph, Routes routes, Incremental.Memo<LayoutInput, Point[]>? layouts = null)
    {
        _layouts = layouts;
        _graph = graph;
        _routes = routes;
        var used = graph.Papers.Where(p => !p.Topics.IsEmpty).Select(p => p.Topics[0]).ToHashSet(StringComparer.Ordinal);
        _topicIndex = graph.Topics.Where(t => used.Contains(t.Id)).Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _degree = new Lazy<Dictionary<string, int>>(() => graph.Papers.ToDictionary(
            p => p.Id,
            p => graph.EdgesOf(p.Id).Select(e => e.From == p.Id ? e.To : e.From).Distinct(StringComparer.Ordinal).Count(),
            StringComparer.Ordinal));
    }

    /// <summary>The layouts already made that <see cref="Whole()"/> reuses; null when each is made anew.</summary>
    public Incremental.Memo<LayoutInput, Point[]>? Layouts => _layouts;

    /// <summary>The colour of a paper: its first topic's.</summary>
    public string Colour(Paper paper) => TopicPalette.Colour(TopicIndex(paper));

    /// <summary>The rank of the paper's first topic among the topics that colour a paper (topics.yml order); -1 for none.</summary>
    public int TopicIndex(Paper paper) => paper.Topics.IsEmpty ? -1 : _topicIndex.GetValueOrDefault(paper.Topics[0], -1);

    /// <summary>
    /// The most papers the whole-atlas picture draws. Past a few thousand circles a picture is a blur that costs
    /// seconds to lay out and tens of megabytes of page (a 100,000-paper atlas would weigh hundreds); a bigger atlas
    /// draws its best-connected papers and the page says so and links the full list.
    /// </summary>
    public const int MaxDrawn = 2000;

    /// <summary>The papers the whole-atlas picture draws: all of them, or the <see cref="MaxDrawn"/> best connected, in id order.</summary>
    public ImmutableArray<Paper> Drawn()
    {
        if (_graph.Papers.Length <= MaxDrawn)
        {
            return _graph.Papers;
        }

        var radii = _graph.Papers.ToDictionary(p => p.Id, Radius, StringComparer.Ordinal);
        var chosen = _graph.Papers
            .OrderByDescending(p => _degree.Value[p.Id])
            .ThenByDescending(p => radii[p.Id])
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(MaxDrawn)
            .Select(p => p.Id)
            .ToHashSet(StringComparer.Ordinal);
        return [.. _graph.Papers.Where(p => chosen.Contains(p.Id))];
    }

    /// <summary>The whole atlas (or its <see cref="Drawn"/> papers), laid out by forces. Deterministic: same graph, same picture.</summary>
    public GraphPicture Whole() => Whole(WholeInput(), _layouts);

    /// <summary>What the whole-atlas picture draws, before anything is laid out.</summary>
    public WholeGraph WholeInput()
    {
        var papers = Drawn();
        var index = papers.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var radii = papers.Select(Radius).ToArray();
        var edges = Pairs(papers.Length == _graph.Papers.Length ? _graph.Edges : _graph.Edges.Where(e => index.ContainsKey(e.From) && index.ContainsKey(e.To)), index);
        var priority = Enumerable.Range(0, papers.Length)
            .OrderByDescending(i => _degree.Value[papers[i].Id])
            .ThenByDescending(i => radii[i])
            .ThenBy(i => papers[i].Id, StringComparer.Ordinal);
        return new WholeGraph(
            [.. papers.Select((p, i) => new LayoutNode(p.Id, TopicIndex(p), radii[i]))],
            [.. edges.Select(e => new LayoutEdge(e.From, e.To))],
            [.. papers.Select((p, i) => Node(p, default, radii[i], focus: false))],
            edges,
            [.. papers.Select(p => LookOf(p).Label)],
            [.. priority]);
    }

    /// <summary>Lays the whole-atlas picture out: forces, then overlaps removed, then the labels that fit.</summary>
    /// <param name="layouts">Layouts already made, by their nodes and springs; null makes this one.</param>
    public static GraphPicture Whole(WholeGraph input, Incremental.Memo<LayoutInput, Point[]>? layouts)
    {
        var radii = input.Layout.Select(n => n.Radius).ToArray();
        var key = new LayoutInput(input.Layout, input.Springs);
        var positions = layouts is null ? Layout(key) : layouts.Get(key, Layout);
        var labels = LabelPlacer.Place(positions, radii, input.Labels, input.LabelOrder, FontSize);
        return new GraphPicture([.. input.Nodes.Select((n, i) => n with { At = positions[i] })], input.Edges, [.. labels], FontSize);
    }

    private static Point[] Layout(LayoutInput input) =>
        OverlapRemoval.Run(ForceLayout.Run(input.Nodes, input.Springs, spacing: 46), [.. input.Nodes.Select(n => n.Radius)]);

    /// <summary>
    /// One paper with the papers its edges reach and its "see also" papers on a ring around it (a second ring
    /// when there are many), and every edge among them.
    /// </summary>
    public GraphPicture Neighbourhood(Paper paper, IReadOnlyList<string> seeAlso)
    {
        var neighbours = _graph.EdgesOf(paper.Id)
            .Select(e => (Id: e.From == paper.Id ? e.To : e.From, Rank: KindRank(e.Kind)))
            .GroupBy(x => x.Id, StringComparer.Ordinal)
            .Select(g => (g.Key, Rank: g.Min(x => x.Rank)))
            .OrderBy(x => x.Rank).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => x.Key)
            .ToList();
        var others = neighbours.Concat(seeAlso.Where(id => !neighbours.Contains(id, StringComparer.Ordinal))).ToList();
        var members = others.Prepend(paper.Id).Select(id => _graph.Find(id)!).ToList();
        var index = members.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        // The graph hands out one instance per edge (value-equal duplicates are merged per paper, keeping the first),
        // so telling edges apart by reference gives what value equality would, without hashing five strings each.
        var edges = Pairs(members.SelectMany(p => _graph.EdgesOf(p.Id)).Where(e => index.ContainsKey(e.From) && index.ContainsKey(e.To)).Distinct(ReferenceEqualityComparer.Instance).Cast<Edge>(), index).ToList();
        var linked = edges.Where(e => e.From == 0 || e.To == 0).Select(e => e.From == 0 ? e.To : e.From).ToHashSet();
        edges.AddRange(Enumerable.Range(1, members.Count - 1).Where(i => !linked.Contains(i)).Select(i => new PictureEdge(0, i, EdgeStyle.SeeAlso)));

        var count = others.Count;
        var twoRings = count > 10;
        var ring = Math.Max(100, count * (twoRings ? 8 : 14));
        var positions = new Point[members.Count];
        var sides = new LabelSide[members.Count];
        var radii = new double[members.Count];
        positions[0] = new Point(0, 0);
        sides[0] = LabelSide.Below;
        radii[0] = 11;
        for (var i = 1; i < members.Count; i++)
        {
            var angle = -Math.PI / 2 + 2 * Math.PI * (i - 1) / count;
            var r = twoRings && i % 2 == 0 ? ring * 1.4 : ring;
            var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
            positions[i] = new Point(Math.Round(r * cos, 2), Math.Round(r * sin, 2));
            radii[i] = 7;
            sides[i] = cos > 0.3 ? LabelSide.Right : cos < -0.3 ? LabelSide.Left : sin < 0 ? LabelSide.Above : LabelSide.Below;
        }

        var labels = LabelPlacer.Place(positions, radii, [.. members.Select(p => LookOf(p).RingLabel)], Enumerable.Range(0, members.Count), FontSize, sides);
        return new GraphPicture([.. members.Select((p, i) => Node(p, positions[i], radii[i], focus: i == 0))], [.. edges], [.. labels], FontSize);
    }

    /// <summary>
    /// One drawn edge per pair of papers, in a stable order. When lists claim several kinds for one pair, the line
    /// shows the most specific kind (the "Related papers" list under the picture names them all).
    /// </summary>
    private static EquatableArray<PictureEdge> Pairs(IEnumerable<Edge> edges, Dictionary<string, int> index)
    {
        // Every paper page draws one: plain loops over node numbers, not LINQ groupings over id strings.
        var pairs = new Dictionary<(int, int), List<Edge>>();
        foreach (var edge in edges)
        {
            var (from, to) = (index[edge.From], index[edge.To]);
            var key = from < to ? (from, to) : (to, from);
            if (!pairs.TryGetValue(key, out var kinds))
            {
                pairs[key] = kinds = [];
            }

            kinds.Add(edge);
        }

        var drawn = new PictureEdge[pairs.Count];
        var n = 0;
        foreach (var group in pairs.Values)
        {
            var main = group.Count == 1
                ? group[0]
                : group.OrderBy(e => KindRank(e.Kind)).ThenBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal).First();
            drawn[n++] = new PictureEdge(index[main.From], index[main.To], main.Kind);
        }

        Array.Sort(drawn, static (a, b) => a.From != b.From ? a.From.CompareTo(b.From) : a.To.CompareTo(b.To));
        return ImmutableCollectionsMarshal.AsImmutableArray(drawn);
    }

    private static readonly Dictionary<string, int> KindRanks =
        EdgeStyle.Kinds.Select((kind, rank) => (kind, rank)).ToDictionary(x => x.kind, x => x.rank, StringComparer.Ordinal);

    private static int KindRank(string kind) => KindRanks.GetValueOrDefault(kind, EdgeStyle.Kinds.Count);

    private PictureNode Node(Paper paper, Point at, double radius, bool focus)
    {
        var look = LookOf(paper);
        return new PictureNode(look.Url, look.Tooltip, look.Colour, radius, at, look.Topics, paper.Year, focus);
    }

    private Look LookOf(Paper paper) => _looks.GetOrAdd(paper, static (paper, pictures) =>
    {
        var topic = paper.Topics.IsEmpty ? null : pictures._graph.FindTopic(paper.Topics[0]);
        var tooltip = paper.Title + (paper.Year is { } y ? $" ({y})" : "") + (topic is null ? "" : $" · {topic.Name}");
        return new Look(ShortName(paper, 22), ShortName(paper, 14), pictures._routes.Paper(paper.Slug).Url, tooltip, pictures.Colour(paper), string.Join(' ', paper.Topics));
    }, this);

    /// <summary>Bigger for papers more lists mention and more edges reach.</summary>
    private double Radius(Paper paper)
    {
        var lists = paper.ListCount;
        return Math.Min(16, 5 + 1.8 * Math.Sqrt(lists + _degree.Value[paper.Id]));
    }

    /// <summary>A label a reader recognises: the shortest nickname (LoRA), else the title up to its colon, else the title cut short.</summary>
    private static string? ShortName(Paper paper, int max)
    {
        var alias = paper.Aliases.Where(a => a.Length > 0 && a.Length <= max).OrderBy(a => a.Length).ThenBy(a => a, StringComparer.Ordinal).FirstOrDefault();
        if (alias is not null)
        {
            return alias;
        }

        var colon = paper.Title.IndexOf(':', StringComparison.Ordinal);
        return colon > 1 && colon <= max + 2 ? paper.Title[..colon].Trim() : TextMeasure.Shorten(paper.Title, max);
    }
}
