using PaperAtlas.Render;

namespace PaperAtlas.Tests.Site;

/// <summary>
/// GitHub Pages' configure-pages gives the site's whole address (<c>base_url</c>): built with it, links stay paths under
/// the base path while the sitemap, the feed and each page's canonical link are absolute.
/// </summary>
public sealed class SiteAddressTests : IDisposable
{
    private const string Address = "https://octocat.github.io/paper-atlas/";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string FixtureContent => Path.Combine(Paths.Root, "tests", "PaperAtlas.Tests", "Fixtures", "site", "content");

    private string Build()
    {
        var output = _temp.PathOf("site");
        Assert.True(SiteBuilder.Build(new BuildOptions(FixtureContent, output, Address, Path.Combine(Paths.Root, "templates"))).Written);
        return output;
    }

    [Theory]
    [InlineData("https://octocat.github.io/paper-atlas", "/paper-atlas/", "https://octocat.github.io")]
    [InlineData("https://www.example.com/", "/", "https://www.example.com")]
    [InlineData("/paper-atlas/", "/paper-atlas/", null)]
    [InlineData("paper-atlas", "/paper-atlas/", null)]
    public void A_base_url_gives_the_base_path_and_the_origin_when_it_has_one(string baseUrl, string basePath, string? origin)
    {
        var urls = new Routes(baseUrl);

        Assert.Equal((basePath, origin), (urls.Base, urls.Origin));
    }

    [Fact]
    public void The_sitemap_and_the_feed_are_absolute()
    {
        var output = Build();

        Assert.Contains("<loc>https://octocat.github.io/paper-atlas/papers/2106.09685/</loc>", File.ReadAllText(Path.Combine(output, "sitemap.xml")), StringComparison.Ordinal);
        Assert.Contains("<link rel=\"self\" href=\"https://octocat.github.io/paper-atlas/feed.xml\" />", File.ReadAllText(Path.Combine(output, "feed.xml")), StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://octocat.github.io/paper-atlas/sitemap.xml", File.ReadAllText(Path.Combine(output, "robots.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_has_an_absolute_canonical_link_and_its_own_links_stay_paths()
    {
        var output = Build();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "papers", "2106.09685", "index.html")));

        Assert.Equal("https://octocat.github.io/paper-atlas/papers/2106.09685/", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("/paper-atlas/papers/", page.QuerySelector("nav a")?.GetAttribute("href"));
    }

    [Fact]
    public void Links_checks_the_site_with_the_same_address()
    {
        var output = Build();

        Assert.Empty(Write.LinkChecker.Check(output, Address));
    }

    [Fact]
    public void Without_an_address_no_page_has_a_canonical_link()
    {
        var output = _temp.PathOf("paths");
        SiteBuilder.Build(new BuildOptions(FixtureContent, output, "/paper-atlas/", Path.Combine(Paths.Root, "templates")));

        Assert.DoesNotContain("rel=\"canonical\"", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
    }
}
