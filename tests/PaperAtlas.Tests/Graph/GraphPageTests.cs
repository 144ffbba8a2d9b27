using System.Globalization;
using System.Text.Json;
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
    public void The_graph_page_has_a_topic_legend_and_edges_styled_by_kind_from_the_stylesheet()
    {
        var page = Site.Parse("graph/index.html");
        Assert.NotEmpty(page.QuerySelectorAll(".graph-legend .legend li"));
        var edges = page.QuerySelectorAll("svg.graph-svg line.edge").ToList();
        Assert.Contains(edges, e => e.GetAttribute("data-kind") == "extends");
        Assert.Contains(edges, e => e.GetAttribute("data-kind") == "related");
        Assert.All(edges, e => Assert.False(e.HasAttribute("stroke") || e.HasAttribute("stroke-dasharray"), "a line's stroke is the stylesheet's"));
        var css = File.ReadAllText(Path.Combine(Site.Output, "assets", "site.css"));
        Assert.Contains(".edge[data-kind=\"extends\"] { stroke-dasharray: none; }", css, StringComparison.Ordinal);
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
    public void A_neighbourhood_carries_no_filter_data_and_leaves_strokes_and_anchors_to_the_stylesheet()
    {
        var neighbourhood = Site.Parse("papers/2310.03744/index.html").QuerySelector("svg.graph-svg")!;
        Assert.All(neighbourhood.QuerySelectorAll("a.node"), a => Assert.False(a.HasAttribute("data-topics") || a.HasAttribute("data-year")));
        Assert.All(neighbourhood.QuerySelectorAll("text.label"), t => Assert.False(t.HasAttribute("text-anchor") || t.HasAttribute("dominant-baseline")));
        Assert.All(neighbourhood.QuerySelectorAll("line.edge"), l => Assert.False(l.HasAttribute("stroke")));
        Assert.All(Site.Parse("graph/index.html").QuerySelectorAll("svg.graph-svg a.node"), a => Assert.True(a.HasAttribute("data-topics")));
    }

    [Fact]
    public void A_related_paper_whose_title_hides_its_nickname_is_named_by_it()
    {
        var related = Site.Parse("papers/2310.03744/index.html").QuerySelector("section[aria-labelledby='related-heading']")!;
        var llava = related.QuerySelectorAll("li").Single(li => li.QuerySelector("a")?.GetAttribute("href") == "/papers/2304.08485/");
        Assert.Contains("Visual Instruction Tuning (LLaVA)", llava.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void See_also_never_repeats_a_paper_the_page_already_relates()
    {
        foreach (var paper in Site.Result.Analysis.Graph.Papers)
        {
            var related = Site.Parse($"papers/{paper.Slug}/index.html").QuerySelector("section[aria-labelledby='related-heading']");
            var groups = related?.QuerySelectorAll("h3").Select(h => (Kind: h.TextContent, Links: h.NextElementSibling!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList())).ToList() ?? [];
            var seeAlso = groups.Where(g => g.Kind.StartsWith("See also", StringComparison.Ordinal)).SelectMany(g => g.Links);
            var explicitly = groups.Where(g => !g.Kind.StartsWith("See also", StringComparison.Ordinal)).SelectMany(g => g.Links).ToHashSet();
            Assert.All(seeAlso, link => Assert.DoesNotContain(link, explicitly));
        }
    }

    [Fact]
    public void See_also_includes_papers_listed_in_the_same_section()
    {
        // LLaVA-1.5 shares llmfreshman's multimodal table with Qwen-VL; their first topics differ.
        var related = Site.Parse("papers/2310.03744/index.html").QuerySelector("section[aria-labelledby='related-heading']")!;
        var seeAlso = related.QuerySelectorAll("h3").Single(h => h.TextContent.StartsWith("See also", StringComparison.Ordinal)).NextElementSibling!;
        Assert.Contains(seeAlso.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/papers/2308.12966/");
    }

    [Fact]
    public void A_paper_on_a_reading_path_shows_the_path_with_its_own_step_marked()
    {
        var path = Site.Parse("papers/2106.09685/index.html").QuerySelector("section[aria-labelledby='paths-heading'] ol.steps")!;
        var steps = path.QuerySelectorAll("li").ToList();
        Assert.Equal(6, steps.Count);
        var current = Assert.Single(steps, li => li.GetAttribute("aria-current") == "step");
        Assert.Equal(2, steps.IndexOf(current));
        Assert.Equal("LoRA", current.QuerySelector(".step-label")!.TextContent);
    }

    [Fact]
    public void Papers_json_carries_each_papers_relations_and_the_reading_paths()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Site.Output, "papers.json")));
        var llava15 = json.RootElement.GetProperty("papers").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "2310.03744");
        Assert.Contains(llava15.GetProperty("relations").EnumerateArray(),
            r => r.GetProperty("to").GetString() == "2304.08485" && r.GetProperty("kind").GetString() == "extends");
        var path = Assert.Single(json.RootElement.GetProperty("reading_paths").EnumerateArray(), p => p.GetProperty("source").GetString() == "llmfreshman");
        Assert.Equal(["CLIP", "LLaMA", "LoRA", "RLHF / DPO", "LLaVA", "vLLM"], path.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("label").GetString()));
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
