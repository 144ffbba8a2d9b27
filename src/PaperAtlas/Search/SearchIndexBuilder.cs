using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PaperAtlas.Graph;

namespace PaperAtlas.Search;

/// <summary>
/// Builds the split search index, as Pagefind does: the sorted term list is cut into shards, a small manifest
/// says which shard starts at which term, and result metadata comes in bundles of papers, so a first query
/// downloads the manifest, one or two shards and one bundle. File names are content hashes: cache forever.
/// </summary>
public static class SearchIndexBuilder
{
    /// <summary>Field weights: the paper a query names (by nickname, id or title) must come first.</summary>
    public const int IdWeight = 30;
    public const int AliasWeight = 16;
    public const int TitleWeight = 10;
    public const int TopicWeight = 4;
    public const int AuthorWeight = 3;
    public const int NoteWeight = 1;

    /// <summary>Exact whole-name matches (a full nickname, id or title) are stored as terms starting with this.</summary>
    public const string NamePrefix = "=";

    internal const int ShardBytes = 24_000;
    internal const int BundleSize = 100;

    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public sealed record IndexFile(string Path, byte[] Bytes);

    /// <summary>How many papers are scored in parallel before their terms are merged: bounds the memory held by per-paper scores.</summary>
    private const int ScoreBatch = 1024;

    /// <param name="scores">Papers' terms scored before (the preview server keeps them, by paper); null scores every paper.</param>
    public static IReadOnlyList<IndexFile> Build(PaperGraph graph, ParallelOptions? parallel = null, Incremental.Memo<Paper, Dictionary<string, int>>? scores = null)
    {
        // Papers are scored in parallel a batch at a time, then merged in paper order, so the bytes do not depend on timing.
        // Postings are appended in paper order, so each list is sorted as built (a list of pairs is a third of a dictionary's size).
        var postings = new Dictionary<string, List<(int Doc, int Score)>>(StringComparer.Ordinal);
        var terms = new TermPool();
        var batch = new Dictionary<string, int>[Math.Min(ScoreBatch, graph.Papers.Length)];
        for (var start = 0; start < graph.Papers.Length; start += ScoreBatch)
        {
            var count = Math.Min(ScoreBatch, graph.Papers.Length - start);
            Parallel.For(0, count, parallel ?? new ParallelOptions(), k => batch[k] = scores is null
                ? Score(graph, graph.Papers[start + k], terms)
                : scores.Get(graph.Papers[start + k], paper => Score(graph, paper, terms)));
            for (var k = 0; k < count; k++)
            {
                foreach (var (term, score) in batch[k])
                {
                    if (!postings.TryGetValue(term, out var docs))
                    {
                        docs = [];
                        postings[term] = docs;
                    }

                    docs.Add((start + k, score));
                }
            }
        }

        var shards = CutShards(postings).Select(shard => (shard.First, Hashed("t", shard.Bytes))).ToList();
        var bundles = new List<IndexFile>();
        for (var start = 0; start < graph.Papers.Length; start += BundleSize)
        {
            bundles.Add(Bundle(graph, start));
        }

        return Finish(graph, shards, bundles);
    }

    /// <summary>The result metadata of the papers from <paramref name="start"/> on, <see cref="BundleSize"/> of them.</summary>
    internal static IndexFile Bundle(PaperGraph graph, int start)
    {
        var rows = graph.Papers.Skip(start).Take(BundleSize).Select(p => (object[])[p.Slug, p.Title, p.Year ?? 0, string.Join(", ", p.Aliases), string.Join(" · ", p.Topics.Select(t => TopicName(graph, t)))]);
        return Hashed("m", JsonSerializer.SerializeToUtf8Bytes(rows, Json));
    }

    /// <summary>Adds the facets and the manifest to the term shards and bundles: the index's complete file list.</summary>
    internal static IReadOnlyList<IndexFile> Finish(PaperGraph graph, IReadOnlyList<(string First, IndexFile File)> shards, IReadOnlyList<IndexFile> bundles)
    {
        var files = new List<IndexFile>(shards.Select(s => s.File).Concat(bundles));
        var topics = graph.Topics.Where(t => !graph.InTopic(t.Id).IsEmpty).ToList();
        var topicIndex = topics.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var facets = new
        {
            topics = topics.Select(t => new[] { t.Id, t.Name, t.NameZh }),
            years = graph.Papers.Select(p => p.Year ?? 0),
            docTopics = graph.Papers.Select(p => p.Topics.Where(topicIndex.ContainsKey).Select(t => topicIndex[t])),
        };
        var facetsFile = Hashed("f", JsonSerializer.SerializeToUtf8Bytes(facets, Json));
        files.Add(facetsFile);

        var manifest = new
        {
            version = 1,
            docs = graph.Papers.Length,
            bundleSize = BundleSize,
            shards = shards.Select(s => (object[])[s.First, FileName(s.File)]).ToList(),
            bundles = bundles.Select(FileName).ToList(),
            facets = FileName(facetsFile),
        };
        files.Add(new IndexFile("search/index/manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, Json)));
        return files;
    }

    /// <summary>Every term of a paper with its score: the sum of the weights of the fields it occurs in.</summary>
    /// <param name="terms">Where the term strings come from: one string per term for every paper, not one per paper.</param>
    internal static Dictionary<string, int> Score(PaperGraph graph, Paper paper, TermPool terms)
    {
        // Sized like this thread's last paper's: grown from empty, a paper's scores were rehashed six times over.
        var field = new FieldScores(new Dictionary<string, int>(t_lastTermCount, StringComparer.Ordinal), t_seen ??= new HashSet<string>(StringComparer.Ordinal), terms);
        void Add(string? text, int weight, bool unigrams)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            field.Seen.Clear();
            field.Weight = weight;
            Tokenizer.Tokenize(text, unigrams, ref field, FieldScores.Add);
        }

        void AddName(string? name, int weight)
        {
            var names = name is null ? [] : Tokenizer.Terms(name);
            if (names.Count > 0)
            {
                var key = NamePrefix + string.Join(' ', names);
                field.Scores[key] = Math.Max(field.Scores.GetValueOrDefault(key), weight);
            }
        }

        Add(paper.Id, IdWeight, unigrams: false);
        AddName(paper.Id, IdWeight * 4);
        Add(paper.Title, TitleWeight, unigrams: true);
        AddName(paper.Title, TitleWeight * 4);
        foreach (var alias in paper.Aliases)
        {
            Add(alias, AliasWeight, unigrams: true);
            AddName(alias, AliasWeight * 4);
        }

        foreach (var author in paper.Authors)
        {
            Add(author, AuthorWeight, unigrams: false);
        }

        foreach (var topic in paper.Topics)
        {
            var t = graph.FindTopic(topic);
            Add(t is null ? topic : $"{t.Name} {t.NameZh} {string.Join(' ', t.Aliases)}", TopicWeight, unigrams: true);
        }

        // The notes of all mentions are one field: a term counts once however many lists say it. No token spans a line
        // break, so tokenising the parts one by one (the seen-set kept across them) finds what their joined text would.
        field.Seen.Clear();
        field.Weight = NoteWeight;
        foreach (var mention in paper.Mentions)
        {
            foreach (var part in (ReadOnlySpan<string?>)[mention.Note, mention.Title, mention.Name])
            {
                if (!string.IsNullOrEmpty(part))
                {
                    Tokenizer.Tokenize(part, false, ref field, FieldScores.Add);
                }
            }
        }

        t_lastTermCount = field.Scores.Count;
        return field.Scores;
    }

    [ThreadStatic]
    private static HashSet<string>? t_seen;

    [ThreadStatic]
    private static int t_lastTermCount;

    /// <summary>A paper's scores while its fields are tokenised: each term of a field adds the field's weight once.</summary>
    private struct FieldScores(Dictionary<string, int> scores, HashSet<string> seen, TermPool terms)
    {
        public readonly Dictionary<string, int> Scores = scores;
        public readonly HashSet<string> Seen = seen;
        public readonly TermPool Terms = terms;
        public int Weight;

        public static void Add(ref FieldScores field, ReadOnlySpan<char> token, bool isCjkUnigram)
        {
            var term = field.Terms.Get(token);
            if (field.Seen.Add(term))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(field.Scores, term, out _) += field.Weight;
            }
        }
    }

    private static string TopicName(PaperGraph graph, string id) =>
        graph.FindTopic(id) is { } topic ? $"{topic.Name} {topic.NameZh}" : id;

    internal sealed record Shard(string First, byte[] Bytes);

    /// <summary>Terms in ordinal order (JavaScript compares strings the same way), cut at about <see cref="ShardBytes"/>.</summary>
    private static IEnumerable<Shard> CutShards(Dictionary<string, List<(int Doc, int Score)>> postings)
    {
        var terms = new List<string>();
        var lists = new List<int[]>();
        var size = 0;
        foreach (var term in postings.Keys.Order(StringComparer.Ordinal))
        {
            var list = Encode(postings[term]);
            terms.Add(term);
            lists.Add(list);
            size += SizeOf(term, list.Length / 2);
            if (size >= ShardBytes)
            {
                yield return Emit(terms, lists);
                terms = [];
                lists = [];
                size = 0;
            }
        }

        if (terms.Count > 0)
        {
            yield return Emit(terms, lists);
        }
    }

    /// <summary>A term's postings as the browser reads them: pairs of (document id gap, score), by document id.</summary>
    private static int[] Encode(List<(int Doc, int Score)> docs)
    {
        var list = new int[docs.Count * 2];
        var previous = 0;
        for (var k = 0; k < docs.Count; k++)
        {
            list[2 * k] = docs[k].Doc - previous;
            list[(2 * k) + 1] = docs[k].Score;
            previous = docs[k].Doc;
        }

        return list;
    }

    /// <summary>The size a term adds to its shard, as <see cref="CutShards"/> counts it.</summary>
    internal static int SizeOf(string term, int documents) => term.Length + 4 + (documents * 2 * 4);

    internal static Shard Emit(List<string> terms, List<int[]> lists) =>
        new(terms[0], JsonSerializer.SerializeToUtf8Bytes(new { t = terms, p = lists }, Json));

    internal static IndexFile Hashed(string prefix, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        return new IndexFile($"search/index/{prefix}-{hash}.json", bytes);
    }

    internal static string FileName(IndexFile file) => System.IO.Path.GetFileName(file.Path);
}
