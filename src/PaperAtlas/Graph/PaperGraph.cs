using System.Collections.Concurrent;
using System.Collections.Immutable;
using PaperAtlas.Read;

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
    private readonly IReadOnlyDictionary<string, SourceList> _listById;
    private readonly IReadOnlyDictionary<string, EquatableArray<TopicNote>> _notesOn;
    private readonly Lazy<SeeAlso> _seeAlso;
    private readonly ConcurrentDictionary<string, EquatableArray<string>> _seeAlsoOf = new(StringComparer.Ordinal);

    // Plain dictionaries, not frozen ones: freezing analyses every key to pick a lookup strategy, which cost more than
    // all the lookups a build makes (and serve builds a graph per edit).
    public PaperGraph(
        ImmutableArray<Paper> papers,
        ImmutableArray<Topic> topics,
        ImmutableArray<SourceList> lists,
        ImmutableArray<Edge> edges,
        ImmutableArray<ReadingPath> readingPaths,
        IReadOnlyDictionary<string, EquatableArray<TopicNote>>? topicNotes = null)
    {
        Papers = papers;
        Topics = topics;
        Lists = lists;
        Edges = edges;
        ReadingPaths = readingPaths;
        // Plain loops: serve builds a graph per edit, and LINQ's groupings were most of the constructor's time.
        var byId = new Dictionary<string, Paper>(papers.Length, StringComparer.Ordinal);
        var byTopic = new Dictionary<string, List<Paper>>(StringComparer.Ordinal);
        var byYear = new Dictionary<int, List<Paper>>();
        var byList = new Dictionary<string, List<Paper>>(StringComparer.Ordinal);
        foreach (var paper in papers)
        {
            byId.Add(paper.Id, paper);
            foreach (var topic in paper.Topics)
            {
                Bucket(byTopic, topic).Add(paper);
            }

            if (paper.Year is { } year)
            {
                Bucket(byYear, year).Add(paper);
            }

            foreach (var mention in paper.Mentions)
            {
                // Papers come one at a time: a paper already in the list's bucket is its last.
                var inList = Bucket(byList, mention.ListId);
                if (inList.Count == 0 || !ReferenceEquals(inList[^1], paper))
                {
                    inList.Add(paper);
                }
            }
        }

        var edgesOf = new Dictionary<string, List<Edge>>(StringComparer.Ordinal);
        foreach (var edge in edges)
        {
            Bucket(edgesOf, edge.From).Add(edge);
            if (edge.To != edge.From)
            {
                Bucket(edgesOf, edge.To).Add(edge);
            }
        }

        _byId = byId;
        _byTopic = ToArrays(byTopic);
        _byYear = ToArrays(byYear);
        _byList = ToArrays(byList);
        _edgesOf = ToArrays(edgesOf);
        Years = [.. _byYear.Keys.Order()];

        // The first topic with an id wins, as a search through the topics in order would find it.
        _topicById = topics.DistinctBy(t => t.Id, StringComparer.Ordinal).ToDictionary(t => t.Id, StringComparer.Ordinal);
        _listById = lists.DistinctBy(l => l.Id, StringComparer.Ordinal).ToDictionary(l => l.Id, StringComparer.Ordinal);
        _notesOn = topicNotes ?? new Dictionary<string, EquatableArray<TopicNote>>();
        _seeAlso = new Lazy<SeeAlso>(() => new SeeAlso(this));
    }

    private static List<T> Bucket<TKey, T>(Dictionary<TKey, List<T>> buckets, TKey key)
        where TKey : notnull
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            buckets[key] = bucket = [];
        }

        return bucket;
    }

    private static Dictionary<TKey, ImmutableArray<T>> ToArrays<TKey, T>(Dictionary<TKey, List<T>> buckets)
        where TKey : notnull =>
        buckets.ToDictionary(b => b.Key, b => b.Value.ToImmutableArray(), buckets.Comparer);

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

    public SourceList? FindList(string id) => _listById.GetValueOrDefault(id);

    /// <summary>The lists' notes on a topic (report sections about a concept under a heading that names it), in list order.</summary>
    public EquatableArray<TopicNote> NotesOn(string topicId) => _notesOn.GetValueOrDefault(topicId);

    /// <summary>The papers a paper's page suggests under "see also", best first: never one it already relates to.</summary>
    public EquatableArray<string> SeeAlsoOf(string paperId) =>
        _seeAlsoOf.GetOrAdd(paperId, static (id, graph) => graph.Find(id) is { } paper
            ? graph._seeAlso.Value.For(paper, graph.EdgesOf(id).Select(e => e.From == id ? e.To : e.From).ToHashSet(StringComparer.Ordinal))
            : [], this);
}
