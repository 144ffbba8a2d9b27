using System.Collections.Frozen;
using System.Collections.Immutable;

namespace PaperAtlas.Graph;

/// <summary>
/// Graph: the immutable result of normalisation. Papers in a stable order, with lookups by id, topic,
/// year and list that every page and export reads. Built once; never changed after.
/// </summary>
public sealed class PaperGraph
{
    private readonly FrozenDictionary<string, Paper> _byId;
    private readonly FrozenDictionary<string, ImmutableArray<Paper>> _byTopic;
    private readonly FrozenDictionary<int, ImmutableArray<Paper>> _byYear;
    private readonly FrozenDictionary<string, ImmutableArray<Paper>> _byList;
    private readonly FrozenDictionary<string, ImmutableArray<Edge>> _edgesOf;

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
        _byId = papers.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        _byTopic = papers.SelectMany(p => p.Topics.Select(t => (t, p)))
            .GroupBy(x => x.t, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.p).ToImmutableArray(), StringComparer.Ordinal);
        _byYear = papers.Where(p => p.Year is not null)
            .GroupBy(p => p.Year!.Value)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
        _byList = papers.SelectMany(p => p.Mentions.Select(m => m.ListId).Distinct().Select(l => (l, p)))
            .GroupBy(x => x.l, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.p).ToImmutableArray(), StringComparer.Ordinal);
        _edgesOf = edges.SelectMany(e => new[] { (e.From, e), (e.To, e) })
            .GroupBy(x => x.Item1, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.e).Distinct().ToImmutableArray(), StringComparer.Ordinal);
        Years = [.. _byYear.Keys.Order()];
    }

    /// <summary>All papers, ordered by id.</summary>
    public ImmutableArray<Paper> Papers { get; }

    public ImmutableArray<Topic> Topics { get; }

    public ImmutableArray<SourceList> Lists { get; }

    public ImmutableArray<Edge> Edges { get; }

    public ImmutableArray<ReadingPath> ReadingPaths { get; }

    public ImmutableArray<int> Years { get; }

    public Paper? Find(string id) => _byId.GetValueOrDefault(id);

    public ImmutableArray<Paper> InTopic(string topicId) => _byTopic.GetValueOrDefault(topicId, []);

    public ImmutableArray<Paper> InYear(int year) => _byYear.GetValueOrDefault(year, []);

    public ImmutableArray<Paper> InList(string listId) => _byList.GetValueOrDefault(listId, []);

    /// <summary>Edges that start or end at the paper.</summary>
    public ImmutableArray<Edge> EdgesOf(string paperId) => _edgesOf.GetValueOrDefault(paperId, []);
}
