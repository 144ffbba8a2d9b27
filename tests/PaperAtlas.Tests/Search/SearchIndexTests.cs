using System.Text.Json;
using PaperAtlas.Search;

namespace PaperAtlas.Tests.Search;

/// <summary>The split index of the seed content: shards in term order, content-hashed names, names ranked first.</summary>
public sealed class SearchIndexTests
{
    private static readonly IReadOnlyList<SearchIndexBuilder.IndexFile> Files = SearchIndexBuilder.Build(SeedContent.Analysis.Graph);

    private static JsonElement Manifest => JsonDocument.Parse(Files.Single(f => f.Path.EndsWith("manifest.json", StringComparison.Ordinal)).Bytes).RootElement;

    private static (string[] Terms, int[][] Postings)[] Shards() =>
        [.. Manifest.GetProperty("shards").EnumerateArray().Select(s =>
        {
            var json = JsonDocument.Parse(Files.Single(f => f.Path.EndsWith(s[1].GetString()!, StringComparison.Ordinal)).Bytes).RootElement;
            return (json.GetProperty("t").EnumerateArray().Select(t => t.GetString()!).ToArray(),
                    json.GetProperty("p").EnumerateArray().Select(p => p.EnumerateArray().Select(x => x.GetInt32()).ToArray()).ToArray());
        })];

    [Fact]
    public void Shards_hold_every_term_once_in_ordinal_order()
    {
        var terms = Shards().SelectMany(s => s.Terms).ToList();
        Assert.Equal(terms.Order(StringComparer.Ordinal), terms);
        Assert.Equal(terms.Count, terms.Distinct(StringComparer.Ordinal).Count());
        Assert.True(Shards().Length > 1);
    }

    [Fact]
    public void The_manifest_names_each_shard_by_its_first_term()
    {
        var firsts = Manifest.GetProperty("shards").EnumerateArray().Select(s => s[0].GetString()).ToList();
        Assert.Equal(Shards().Select(s => s.Terms[0]), firsts);
    }

    [Fact]
    public void Index_files_are_named_by_their_content()
    {
        Assert.All(Files.Where(f => !f.Path.EndsWith("manifest.json", StringComparison.Ordinal)), f =>
            Assert.Matches(@"^search/index/[tmf]-[0-9a-f]{12}\.json$", f.Path));
        Assert.True(Manifest.GetRawText().Length < 4096, "the manifest stays small");
    }

    [Fact]
    public void A_nickname_scores_its_paper_above_papers_that_only_mention_it()
    {
        var papers = SeedContent.Analysis.Graph.Papers;
        var scores = ScoresOf("lora");
        var lora = papers.IndexOf(papers.Single(p => p.Id == "2106.09685"));
        Assert.Equal(lora, scores.MaxBy(s => s.Value).Key);
        Assert.Contains(lora, ScoresOf(SearchIndexBuilder.NamePrefix + "lora").Keys);
    }

    [Fact]
    public void Chinese_bigrams_from_notes_are_indexed()
    {
        var papers = SeedContent.Analysis.Graph.Papers;
        var cot = papers.IndexOf(papers.Single(p => p.Id == "2201.11903"));
        Assert.Contains(cot, ScoresOf("思维").Keys);
    }

    private static Dictionary<int, int> ScoresOf(string term)
    {
        foreach (var (terms, postings) in Shards())
        {
            var at = Array.IndexOf(terms, term);
            if (at >= 0)
            {
                var result = new Dictionary<int, int>();
                var doc = 0;
                for (var k = 0; k < postings[at].Length; k += 2)
                {
                    doc += postings[at][k];
                    result[doc] = postings[at][k + 1];
                }

                return result;
            }
        }

        return [];
    }
}
