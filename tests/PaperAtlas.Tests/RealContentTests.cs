using PaperAtlas.Diagnostics;

namespace PaperAtlas.Tests;

/// <summary>
/// Invariants of the live content/: they hold whatever a contributor adds, edits or removes, so a valid contribution
/// never turns a test red. What the seed lists hold is pinned in <see cref="SeedContentTests"/>, on a frozen copy.
/// </summary>
public sealed class RealContentTests
{
    [Fact]
    public void The_live_content_has_no_errors()
    {
        var errors = RealContent.Analysis.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Every_paper_has_its_own_id_and_slug()
    {
        var papers = RealContent.Analysis.Graph.Papers;

        Assert.Equal(papers.Length, papers.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(papers.Length, papers.Select(p => p.Slug).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Papers_json_built_twice_is_byte_identical()
    {
        using var temp = new TempFolder();
        var first = SiteBuilder.Build(new BuildOptions(Paths.Content(), temp.PathOf("one")));
        var second = SiteBuilder.Build(new BuildOptions(Paths.Content(), temp.PathOf("two")));

        Assert.True(first.Written && second.Written);
        var bytes = File.ReadAllBytes(temp.PathOf("one/papers.json"));
        Assert.Equal(bytes, File.ReadAllBytes(temp.PathOf("two/papers.json")));
        using var json = System.Text.Json.JsonDocument.Parse(bytes);
        Assert.Equal(first.Analysis.Graph.Papers.Length, json.RootElement.GetProperty("papers").GetArrayLength());
    }
}
