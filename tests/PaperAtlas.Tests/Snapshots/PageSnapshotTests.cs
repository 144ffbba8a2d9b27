using PaperAtlas.Tests.Site;

namespace PaperAtlas.Tests.Snapshots;

public sealed class FixtureSiteFixture : IDisposable
{
    public BuiltSite Site { get; } = new(Path.Combine(Paths.Root, "tests", "PaperAtlas.Tests", "Fixtures", "site", "content"));

    public void Dispose() => Site.Dispose();
}

/// <summary>Every page kind of a small fixture atlas, compared with committed snapshots.</summary>
public sealed class PageSnapshotTests(FixtureSiteFixture fixture) : IClassFixture<FixtureSiteFixture>
{
    [Theory]
    [InlineData("index.html", "home")]
    [InlineData("papers/index.html", "papers")]
    [InlineData("papers/2106.09685/index.html", "paper")]
    [InlineData("topics/index.html", "topics")]
    [InlineData("topics/peft/index.html", "topic")]
    [InlineData("years/index.html", "years")]
    [InlineData("years/2021/index.html", "year")]
    [InlineData("lists/index.html", "lists")]
    [InlineData("lists/techniques/index.html", "list-table")]
    [InlineData("lists/report/index.html", "list-report")]
    [InlineData("search/index.html", "search")]
    [InlineData("graph/index.html", "graph")]
    [InlineData("404.html", "not-found")]
    [InlineData("feed.xml", "feed", "xml")]
    [InlineData("sitemap.xml", "sitemap", "xml")]
    [InlineData("papers.bib", "bibtex", "bib")]
    [InlineData("papers.json", "papers-json", "json")]
    public void Page_matches_its_snapshot(string path, string name, string extension = "html")
    {
        Assert.True(fixture.Site.Result.Written, string.Join('\n', fixture.Site.Result.Analysis.Diagnostics));
        Snapshot.Verify(File.ReadAllText(Path.Combine(fixture.Site.Output, path)), name, extension);
    }

    [Fact]
    public void The_fixture_site_has_no_broken_internal_links()
    {
        Assert.Empty(RealSiteTests.BrokenLinks(fixture.Site, "/"));
    }
}
