using System.Collections.Immutable;
using System.Globalization;
using PaperAtlas.Render;
using PaperAtlas.Render.GraphLayout;

namespace PaperAtlas.Tests.Graph;

/// <summary>The layout itself: deterministic, circles apart, labels apart, on the seed content and on made-up graphs.</summary>
public sealed class GraphLayoutTests
{
    private static PaperGraphPictures Pictures() =>
        new(SeedContent.Analysis.Graph, new Routes("/"));

    [Fact]
    public void Two_layouts_of_the_same_content_give_byte_identical_svg()
    {
        var first = GraphSvg.Write(Pictures().Whole(), "g", "graph");
        var second = GraphSvg.Write(Pictures().Whole(), "g", "graph");
        Assert.Equal(first, second);
    }

    [Fact]
    public void On_the_seed_content_no_two_node_circles_overlap()
    {
        var nodes = Pictures().Whole().Nodes;
        Assert.Equal(SeedContent.Analysis.Graph.Papers.Length, nodes.Length);
        for (var i = 0; i < nodes.Length; i++)
        {
            for (var j = i + 1; j < nodes.Length; j++)
            {
                var d = Distance(nodes[i].At, nodes[j].At);
                Assert.True(d >= nodes[i].Radius + nodes[j].Radius, $"{nodes[i].Url} and {nodes[j].Url} overlap: {d:F2} < {nodes[i].Radius + nodes[j].Radius:F2}");
            }
        }
    }

    [Fact]
    public void On_the_seed_content_no_two_labels_overlap_and_no_label_covers_a_node()
    {
        var picture = Pictures().Whole();
        var labels = picture.Labels;
        Assert.True(labels.Length >= picture.Nodes.Length / 2, $"only {labels.Length} of {picture.Nodes.Length} nodes got a label");
        for (var i = 0; i < labels.Length; i++)
        {
            for (var j = i + 1; j < labels.Length; j++)
            {
                Assert.False(labels[i].Box.Overlaps(labels[j].Box), $"labels '{labels[i].Text}' and '{labels[j].Text}' overlap");
            }

            Assert.DoesNotContain(picture.Nodes, n => labels[i].Box.Touches(n.At, n.Radius));
        }
    }

    [Fact]
    public void The_force_layout_is_deterministic_and_separates_a_bigger_graph()
    {
        // 3,000 nodes: the parallel, Barnes–Hut path; a ring of edges plus chords.
        var nodes = Enumerable.Range(0, 3000).Select(i => new LayoutNode("n" + i.ToString(CultureInfo.InvariantCulture), i % 7, 5 + i % 4)).ToList();
        var edges = Enumerable.Range(0, 3000).Select(i => new LayoutEdge(i, (i + 1) % 3000))
            .Concat(Enumerable.Range(0, 600).Select(i => new LayoutEdge(i * 5, (i * 37 + 11) % 3000))).ToList();
        var first = ForceLayout.Run(nodes, edges, 46);
        var second = ForceLayout.Run(nodes, edges, 46);
        Assert.Equal(first, second);

        var radii = nodes.Select(n => n.Radius).ToList();
        var apart = OverlapRemoval.Run(first, radii);
        for (var i = 0; i < apart.Length; i++)
        {
            for (var j = i + 1; j < apart.Length; j++)
            {
                Assert.True(Distance(apart[i], apart[j]) >= radii[i] + radii[j], $"{i} and {j} overlap");
            }
        }
    }

    [Fact]
    public void Overlap_removal_parts_nodes_on_the_same_spot()
    {
        var apart = OverlapRemoval.Run([new Point(0, 0), new Point(0, 0), new Point(0, 0)], [5.0, 5.0, 8.0]);
        Assert.True(Distance(apart[0], apart[1]) >= 10);
        Assert.True(Distance(apart[0], apart[2]) >= 13);
        Assert.True(Distance(apart[1], apart[2]) >= 13);
    }

    [Fact]
    public void The_stable_hash_does_not_depend_on_the_process()
    {
        // Fixed values: string.GetHashCode would differ from run to run.
        Assert.Equal(StableHash.Of("2106.09685"), StableHash.Of("2106.09685"));
        Assert.NotEqual(StableHash.Of("2106.09685", 1), StableHash.Of("2106.09685", 2));
        Assert.InRange(StableHash.Unit("2106.09685", 1), 0, 1);
    }

    [Fact]
    public void Labels_are_left_out_where_they_do_not_fit()
    {
        // Two nodes close together: the second label has nowhere to go that misses the first label and both circles.
        var positions = new[] { new Point(0, 0), new Point(30, 0), new Point(-30, 0), new Point(0, 20), new Point(0, -20) };
        var radii = new[] { 5.0, 5.0, 5.0, 5.0, 5.0 };
        var labels = LabelPlacer.Place(positions, radii, ["a very long label", "another long label", "x", "y", "z"], [0, 1, 2, 3, 4], 12);
        for (var i = 0; i < labels.Count; i++)
        {
            for (var j = i + 1; j < labels.Count; j++)
            {
                Assert.False(labels[i].Box.Overlaps(labels[j].Box));
            }
        }

        Assert.True(labels.Count < 5);
    }

    [Fact]
    public void A_graph_too_large_to_draw_whole_draws_its_best_connected_papers_and_only_their_edges()
    {
        var count = PaperGraphPictures.MaxDrawn + 50;
        var papers = Enumerable.Range(0, count)
            .Select(i => new PaperAtlas.Graph.Paper($"p{i:00000}", $"p{i:00000}", null, null, $"Paper {i}", 2020, null, [], null, [], [], [], []))
            .ToImmutableArray();
        // Paper 0 links to the 100 papers after it: those 101 are the best connected and must be drawn.
        var edges = Enumerable.Range(1, 100).Select(i => new PaperAtlas.Graph.Edge("p00000", $"p{i:00000}", "uses", "papers", "")).ToImmutableArray();
        var graph = new PaperAtlas.Graph.PaperGraph(papers, [], [], edges, []);
        var picture = new PaperGraphPictures(graph, new Routes("/")).Whole();

        Assert.Equal(PaperGraphPictures.MaxDrawn, picture.Nodes.Length);
        Assert.Contains(picture.Nodes, n => n.Url == "/papers/p00000/");
        Assert.All(Enumerable.Range(1, 100), i => Assert.Contains(picture.Nodes, n => n.Url == $"/papers/p{i:00000}/"));
        Assert.Equal(100, picture.Edges.Length);
    }

    private static double Distance(Point a, Point b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
