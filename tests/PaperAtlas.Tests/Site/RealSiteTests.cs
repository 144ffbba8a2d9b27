using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace PaperAtlas.Tests.Site;

public sealed class RealSiteFixture : IDisposable
{
    public BuiltSite Site { get; } = new(Paths.Content());

    public BuiltSite SubPath { get; } = new(Paths.Content(), "/paper-atlas/");

    public void Dispose()
    {
        Site.Dispose();
        SubPath.Dispose();
    }
}

/// <summary>
/// The live content/ built: invariants only (every page there, every internal link resolving, titles and languages
/// set), so they hold whatever a contributor adds. What the seed lists render to is pinned in <see cref="SeedSiteTests"/>.
/// </summary>
public sealed partial class RealSiteTests(RealSiteFixture fixture) : IClassFixture<RealSiteFixture>
{
    [GeneratedRegex(@"^\d{4}\.\d{4,5}$")]
    private static partial Regex ArxivFileStem();

    private BuiltSite Site => fixture.Site;

    [Fact]
    public void The_build_writes_the_site()
    {
        Assert.True(Site.Result.Written, string.Join('\n', Site.Result.Analysis.Diagnostics));
    }

    [Fact]
    public void Every_paper_topic_year_and_list_has_a_page()
    {
        var graph = Site.Result.Analysis.Graph;
        var expected = graph.Papers.Select(p => $"papers/{p.Slug}/index.html")
            .Concat(graph.Topics.Select(t => $"topics/{t.Id}/index.html"))
            .Concat(graph.Years.Select(y => $"years/{y}/index.html"))
            .Concat(graph.Lists.Select(l => $"lists/{l.Id}/index.html"))
            .Concat(["index.html", "papers/index.html", "topics/index.html", "404.html", "papers.json", "papers.bib", "feed.xml", "sitemap.xml", "robots.txt"]);
        Assert.All(expected, path => Assert.True(File.Exists(Path.Combine(Site.Output, path)), path));
    }

    [Fact]
    public void Every_arxiv_id_a_list_links_and_every_paper_file_is_exactly_one_paper_in_papers_json()
    {
        var linked = Directory.Exists(Paths.Content("lists")) ? ArxivLinks.InLists(Paths.Content("lists")) : [];
        var paperFiles = Directory.Exists(Paths.Content("papers"))
            ? Directory.EnumerateFiles(Paths.Content("papers"), "*.md", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(s => ArxivFileStem().IsMatch(s))
            : [];
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Site.Output, "papers.json")));
        var arxiv = json.RootElement.GetProperty("papers").EnumerateArray()
            .Select(p => p.GetProperty("arxiv")).Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList();

        Assert.All(linked.Concat(paperFiles).Distinct(StringComparer.Ordinal), id => Assert.Equal(1, arxiv.Count(a => a == id)));
    }

    [Fact]
    public void Every_internal_link_resolves_to_a_file()
    {
        var broken = BrokenLinks(Site, "/").ToList();
        Assert.True(broken.Count == 0, string.Join('\n', broken.Take(20)));
    }

    [Fact]
    public void Under_a_base_url_every_internal_link_starts_with_it_and_resolves()
    {
        var parser = new HtmlParser();
        foreach (var file in fixture.SubPath.HtmlFiles)
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            foreach (var url in Urls(document).Where(u => u.StartsWith('/')))
            {
                Assert.StartsWith("/paper-atlas/", url, StringComparison.Ordinal);
            }
        }

        Assert.Empty(BrokenLinks(fixture.SubPath, "/paper-atlas/"));
    }

    [Fact]
    public void Every_page_has_a_title_and_a_language()
    {
        foreach (var file in Site.HtmlFiles)
        {
            var document = Site.Parse(Site.Relative(file));
            Assert.False(string.IsNullOrWhiteSpace(document.Title), Site.Relative(file));
            Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        }
    }

    [Fact]
    public void No_page_has_inline_scripts_or_event_handlers()
    {
        foreach (var file in Site.HtmlFiles)
        {
            var document = Site.Parse(Site.Relative(file));
            Assert.All(document.Scripts, s => Assert.True(s.HasAttribute("src"), Site.Relative(file)));
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)) || e.HasAttribute("style"));
        }
    }

    [Fact]
    public void Two_builds_are_byte_identical()
    {
        using var again = new BuiltSite(Paths.Content());
        var first = Directory.EnumerateFiles(Site.Output, "*", SearchOption.AllDirectories).Select(Site.Relative).Order(StringComparer.Ordinal).ToList();
        var second = Directory.EnumerateFiles(again.Output, "*", SearchOption.AllDirectories).Select(again.Relative).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(first, second);
        Assert.All(first, path => Assert.Equal(File.ReadAllBytes(Path.Combine(Site.Output, path)), File.ReadAllBytes(Path.Combine(again.Output, path))));
    }

    internal static IEnumerable<string> Urls(AngleSharp.Dom.IDocument document) =>
        document.QuerySelectorAll("a[href], link[href]").Select(e => e.GetAttribute("href")!)
            .Concat(document.QuerySelectorAll("script[src], img[src]").Select(e => e.GetAttribute("src")!))
            .Concat(document.QuerySelectorAll("form[action]").Select(e => e.GetAttribute("action")!));

    internal static IReadOnlyList<string> BrokenLinks(BuiltSite site, string basePath) => Write.LinkChecker.Check(site.Output, basePath);
}
