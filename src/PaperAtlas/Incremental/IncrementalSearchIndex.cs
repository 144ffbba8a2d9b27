using PaperAtlas.Graph;
using PaperAtlas.Search;

namespace PaperAtlas.Incremental;

/// <summary>
/// The search index kept up to date paper by paper. Scoring every paper takes over a second at ten thousand; after an
/// edit only the changed papers are scored again, and only the shards and bundles whose content changed are
/// serialised again. The files are the ones <see cref="SearchIndexBuilder.Build"/> writes for the same graph, byte for byte.
/// </summary>
internal sealed class IncrementalSearchIndex
{
    private readonly Dictionary<string, Dictionary<int, int>> _postings = new(StringComparer.Ordinal);
    private readonly List<Dictionary<string, int>> _docTerms = [];
    private readonly TermPool _termPool = new();

    // Terms in ordinal order with the size each adds to its shard, so the shard cuts are found by a walk over two arrays.
    private readonly List<string> _terms = [];
    private readonly List<int> _sizes = [];
    private readonly Dictionary<(string First, string Last, int Count), SearchIndexBuilder.IndexFile> _shards = [];
    private readonly List<SearchIndexBuilder.IndexFile> _bundles = [];
    private List<string> _ids = [];

    /// <summary>Every file of the index for <paramref name="graph"/>.</summary>
    /// <param name="changed">The ids of papers that differ from the previous graph given; null when any may (all are scored again).</param>
    public IReadOnlyList<SearchIndexBuilder.IndexFile> Update(PaperGraph graph, IReadOnlySet<string>? changed)
    {
        var ids = graph.Papers.Select(p => p.Id).ToList();
        if (changed is null || !ids.SequenceEqual(_ids, StringComparer.Ordinal))
        {
            // Document numbers are positions: a paper added or removed renumbers the rest, so start again.
            Reset(graph);
            _ids = ids;
            return Files(graph, touched: null);
        }

        var touched = new HashSet<string>(StringComparer.Ordinal);
        for (var doc = 0; doc < graph.Papers.Length; doc++)
        {
            if (changed.Contains(graph.Papers[doc].Id))
            {
                Rescore(graph, doc, touched);
            }
        }

        for (var start = 0; start < graph.Papers.Length; start += SearchIndexBuilder.BundleSize)
        {
            if (graph.Papers.Skip(start).Take(SearchIndexBuilder.BundleSize).Any(p => changed.Contains(p.Id)))
            {
                _bundles[start / SearchIndexBuilder.BundleSize] = SearchIndexBuilder.Bundle(graph, start);
            }
        }

        return Files(graph, touched);
    }

    private void Reset(PaperGraph graph)
    {
        _postings.Clear();
        _docTerms.Clear();
        _shards.Clear();
        _bundles.Clear();
        for (var doc = 0; doc < graph.Papers.Length; doc++)
        {
            var scores = SearchIndexBuilder.Score(graph, graph.Papers[doc], _termPool);
            _docTerms.Add(scores);
            foreach (var (term, score) in scores)
            {
                if (!_postings.TryGetValue(term, out var docs))
                {
                    docs = [];
                    _postings[term] = docs;
                }

                docs[doc] = score;
            }
        }

        _terms.Clear();
        _terms.AddRange(_postings.Keys.Order(StringComparer.Ordinal));
        _sizes.Clear();
        _sizes.AddRange(_terms.Select(t => SearchIndexBuilder.SizeOf(t, _postings[t].Count)));
        for (var start = 0; start < graph.Papers.Length; start += SearchIndexBuilder.BundleSize)
        {
            _bundles.Add(SearchIndexBuilder.Bundle(graph, start));
        }
    }

    private void Rescore(PaperGraph graph, int doc, HashSet<string> touched)
    {
        var old = _docTerms[doc];
        var scores = SearchIndexBuilder.Score(graph, graph.Papers[doc], _termPool);
        _docTerms[doc] = scores;
        foreach (var (term, score) in old)
        {
            if (scores.GetValueOrDefault(term) == score)
            {
                continue;
            }

            touched.Add(term);
            var docs = _postings[term];
            docs.Remove(doc);
            if (docs.Count == 0)
            {
                _postings.Remove(term);
                var at = _terms.BinarySearch(term, StringComparer.Ordinal);
                _terms.RemoveAt(at);
                _sizes.RemoveAt(at);
            }
            else
            {
                _sizes[_terms.BinarySearch(term, StringComparer.Ordinal)] = SearchIndexBuilder.SizeOf(term, docs.Count);
            }
        }

        foreach (var (term, score) in scores)
        {
            if (old.GetValueOrDefault(term) == score)
            {
                continue;
            }

            touched.Add(term);
            if (!_postings.TryGetValue(term, out var docs))
            {
                docs = [];
                _postings[term] = docs;
                var at = ~_terms.BinarySearch(term, StringComparer.Ordinal);
                _terms.Insert(at, term);
                _sizes.Insert(at, 0);
            }

            docs[doc] = score;
            _sizes[_terms.BinarySearch(term, StringComparer.Ordinal)] = SearchIndexBuilder.SizeOf(term, docs.Count);
        }
    }

    /// <summary>
    /// Cuts the terms into shards exactly as the full build does, and serialises a shard again only when its terms
    /// changed: a shard with the same first and last term and count, none of its terms touched, is the same file.
    /// </summary>
    private IReadOnlyList<SearchIndexBuilder.IndexFile> Files(PaperGraph graph, HashSet<string>? touched)
    {
        var shards = new List<(string First, SearchIndexBuilder.IndexFile File)>();
        var kept = new Dictionary<(string, string, int), SearchIndexBuilder.IndexFile>();
        var start = 0;
        var size = 0;
        for (var i = 0; i < _terms.Count; i++)
        {
            size += _sizes[i];
            if (size >= SearchIndexBuilder.ShardBytes || i == _terms.Count - 1)
            {
                var key = (_terms[start], _terms[i], i - start + 1);
                if (touched is null || !_shards.TryGetValue(key, out var file) || _terms.Skip(start).Take(i - start + 1).Any(touched.Contains))
                {
                    var terms = _terms.GetRange(start, i - start + 1);
                    file = SearchIndexBuilder.Hashed("t", SearchIndexBuilder.Emit(terms, [.. terms.Select(t => SearchIndexBuilder.Encode(_postings[t]))]).Bytes);
                }

                kept[key] = file;
                shards.Add((_terms[start], file));
                start = i + 1;
                size = 0;
            }
        }

        _shards.Clear();
        foreach (var (key, file) in kept)
        {
            _shards[key] = file;
        }

        return SearchIndexBuilder.Finish(graph, shards, _bundles);
    }
}
