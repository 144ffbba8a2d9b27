using System.Collections.Immutable;

namespace PaperAtlas.Graph;

/// <summary>
/// Graph: the immutable result of normalisation. Papers in a stable order, with lookups by id, topic,
/// year and list that every page and export reads. Built once; never changed after.
/// </summary>
public sealed class PaperGraph
{
    private readonly IReadOnlyDictionary<string, Paper> _byId;
    private readonly IReadOnlyDictionary<string, ImmutableArray<Paper>> _byTopic;
    private readonly IReadOnlyDictionary<int, ImmutableArray<Paper>> _byYear;
    private readonly IReadOnlyDictionary<string, ImmutableArray<Paper>> _byList;
    private readonly IReadOnlyDictionary<string, ImmutableArray<Edge>> _edgesOf;
    private readonly IReadOnlyDictionary<string, Topic> _topicById;

    // Plain dictionaries, not frozen ones: freezing analyses every key to pick a lookup strategy, which cost more than
    // all the lookups a build makes (and serve builds a graph per edit).
    public PaperGraph(
        ImmutableArray<Paper> papers,
        ImmutableArray<Topic> topics,
        ImmutableArray<SourceList> lists,
        ImmutableArray<Edge> edges,
        ImmutableArray<ReadingPath> readingPaths)
    {
        Papers = papers;
        Topics = topics;
        Lists = lists;
        Edges = edges;
        ReadingPaths = readingPaths;
        _byId = papers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _byTopic = papers.SelectMany(p => p.Topics.Select(t => (t, p)))
            .GroupBy(x => x.t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.p).ToImmutableArray(), StringComparer.Ordinal);
        _byYear = papers.Where(p => p.Year is not null)
            .GroupBy(p => p.Year!.Value)
            .ToDictionary(g => g.Key, g => g.ToImmutableArray());
        _byList = papers.SelectMany(p => ListsOf(p).Select(l => (l, p)))
            .GroupBy(x => x.l, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.p).ToImmutableArray(), StringComparer.Ordinal);
        _edgesOf = edges.SelectMany(e => new[] { (e.From, e), (e.To, e) })
            .GroupBy(x => x.Item1, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.e).Distinct().ToImmutableArray(), StringComparer.Ordinal);
        Years = [.. _byYear.Keys.Order()];

        // The first topic with an id wins, as a search through the topics in order would find it.
        _topicById = topics.DistinctBy(t => t.Id, StringComparer.Ordinal).ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    private PaperGraph(PaperGraph from, ImmutableArray<Paper> papers, IReadOnlyDictionary<string, Paper> byId,
        IReadOnlyDictionary<string, ImmutableArray<Paper>> byTopic, IReadOnlyDictionary<int, ImmutableArray<Paper>> byYear,
        IReadOnlyDictionary<string, ImmutableArray<Paper>> byList)
    {
        Papers = papers;
        Topics = from.Topics;
        Lists = from.Lists;
        Edges = from.Edges;
        ReadingPaths = from.ReadingPaths;
        Years = from.Years;
        _byId = byId;
        _byTopic = byTopic;
        _byYear = byYear;
        _byList = byList;
        _edgesOf = from._edgesOf;
        _topicById = from._topicById;
    }

    /// <summary>
    /// The same graph with some papers replaced by new versions of themselves, without rebuilding every lookup:
    /// the preview server's way to apply an edit to a paper's notes in milliseconds. Each replacement must keep
    /// its id, topics, year and lists, so that every lookup keeps its keys and order.
    /// </summary>
    internal PaperGraph WithPapersReplaced(IReadOnlyCollection<Paper> replacements)
    {
        var papers = Papers.ToBuilder();
        var byId = new Dictionary<string, Paper>(_byId, StringComparer.Ordinal);
        var byTopic = new Dictionary<string, ImmutableArray<Paper>>(_byTopic, StringComparer.Ordinal);
        var byYear = new Dictionary<int, ImmutableArray<Paper>>(_byYear);
        var byList = new Dictionary<string, ImmutableArray<Paper>>(_byList, StringComparer.Ordinal);
        foreach (var paper in replacements)
        {
            var old = _byId[paper.Id];
            if (!old.Topics.SequenceEqual(paper.Topics, StringComparer.Ordinal) || old.Year != paper.Year
                || !ListsOf(old).SequenceEqual(ListsOf(paper), StringComparer.Ordinal))
            {
                throw new ArgumentException($"paper {paper.Id} changes its topics, year or lists: build a new graph", nameof(replacements));
            }

            papers[papers.IndexOf(old)] = paper;
            byId[paper.Id] = paper;
            foreach (var topic in paper.Topics)
            {
                byTopic[topic] = byTopic[topic].Replace(old, paper);
            }

            if (paper.Year is { } year)
            {
                byYear[year] = byYear[year].Replace(old, paper);
            }

            foreach (var list in ListsOf(paper))
            {
                byList[list] = byList[list].Replace(old, paper);
            }
        }

        return new PaperGraph(this, papers.ToImmutable(), byId, byTopic, byYear, byList);
    }

    private static IEnumerable<string> ListsOf(Paper paper) => paper.Mentions.Select(m => m.ListId).Distinct();

    /// <summary>All papers, ordered by id.</summary>
    public ImmutableArray<Paper> Papers { get; }

    public ImmutableArray<Topic> Topics { get; }

    public ImmutableArray<SourceList> Lists { get; }

    public ImmutableArray<Edge> Edges { get; }

    public ImmutableArray<ReadingPath> ReadingPaths { get; }

    public ImmutableArray<int> Years { get; }

    public Paper? Find(string id) => _byId.GetValueOrDefault(id);

    public Topic? FindTopic(string id) => _topicById.GetValueOrDefault(id);

    public ImmutableArray<Paper> InTopic(string topicId) => _byTopic.GetValueOrDefault(topicId, []);

    public ImmutableArray<Paper> InYear(int year) => _byYear.GetValueOrDefault(year, []);

    public ImmutableArray<Paper> InList(string listId) => _byList.GetValueOrDefault(listId, []);

    /// <summary>Edges that start or end at the paper.</summary>
    public ImmutableArray<Edge> EdgesOf(string paperId) => _edgesOf.GetValueOrDefault(paperId, []);
}
