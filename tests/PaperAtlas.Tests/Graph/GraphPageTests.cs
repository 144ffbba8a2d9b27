using System.Globalization;
using PaperAtlas.Tests.Site;

namespace PaperAtlas.Tests.Graph;

/// <summary>The built /graph/ page and the paper pages' neighbourhoods, on the real content.</summary>
public sealed class GraphPageTests(RealSiteFixture fixture) : IClassFixture<RealSiteFixture>
{
    private BuiltSite Site => fixture.Site;

    [Fact]
    public void The_graph_page_links_every_paper()
    {
        var page = Site.Parse("graph/index.html");
        var links = page.QuerySelectorAll("svg.graph-svg a.node").Select(a => a.GetAttribute("href")).ToHashSet(StringComparer.Ordinal);
        var graph = Site.Result.Analysis.Graph;
        Assert.All(graph.Papers, p => Assert.Contains($"/papers/{p.Slug}/", links));
        Assert.All(page.QuerySelectorAll("svg.graph-svg a.node"), a => Assert.NotNull(a.QuerySelector("title")));
    }

    [Fact]
    public void On_the_graph_page_no_two_drawn_circles_overlap()
    {
        var circles = Site.Parse("graph/index.html").QuerySelectorAll("svg.graph-svg a.node circle")
            .Select(c => (X: Number(c, "cx"), Y: Number(c, "cy"), R: Number(c, "r"))).ToList();
        Assert.Equal(Site.Result.Analysis.Graph.Papers.Length, circles.Count);
        for (var i = 0; i < circles.Count; i++)
        {
            for (var j = i + 1; j < circles.Count; j++)
            {
                var (a, b) = (circles[i], circles[j]);
                Assert.True(Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y)) >= a.R + b.R, $"circles {i} and {j} overlap");
            }
        }
    }

    [Fact]
    public void The_graph_page_has_a_topic_legend_and_edges_styled_by_kind()
    {
        var page = Site.Parse("graph/index.html");
        Assert.NotEmpty(page.QuerySelectorAll(".graph-legend .legend li"));
        var edges = page.QuerySelectorAll("svg.graph-svg line.edge").ToList();
        Assert.Contains(edges, e => e.GetAttribute("data-kind") == "extends" && !e.HasAttribute("stroke-dasharray"));
        Assert.Contains(edges, e => e.GetAttribute("data-kind") == "related" && e.HasAttribute("stroke-dasharray"));
        Assert.Contains(page.Scripts, s => s.GetAttribute("src") == "/assets/graph.js");
    }

    [Fact]
    public void The_llava_1_5_page_says_it_extends_llava_and_links_it()
    {
        var page = Site.Parse("papers/2310.03744/index.html");
        var related = page.QuerySelector("section[aria-labelledby='related-heading']")!;
        var extends = related.QuerySelectorAll("h3").Single(h => h.TextContent == "Extends");
        var list = extends.NextElementSibling!;
        Assert.Contains(list.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/papers/2304.08485/");
        var neighbourhood = related.QuerySelector("svg.graph-svg")!;
        Assert.Contains(neighbourhood.QuerySelectorAll("a.node"), a => a.GetAttribute("href") == "/papers/2304.08485/");
        Assert.NotNull(neighbourhood.QuerySelector("a.node.focus[href='/papers/2310.03744/']"));
    }

    [Fact]
    public void Pages_without_a_graph_do_not_load_the_graph_script()
    {
        Assert.DoesNotContain(Site.Parse("index.html").Scripts, s => s.GetAttribute("src") == "/assets/graph.js");
        Assert.Contains(Site.Parse("papers/2310.03744/index.html").Scripts, s => s.GetAttribute("src") == "/assets/graph.js");
    }

    [Fact]
    public void The_nav_links_the_graph()
    {
        Assert.Contains(Site.Parse("index.html").QuerySelectorAll("header nav a"), a => a.GetAttribute("href") == "/graph/");
    }

    private static double Number(AngleSharp.Dom.IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
}
