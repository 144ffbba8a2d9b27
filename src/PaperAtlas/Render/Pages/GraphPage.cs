using PaperAtlas.Incremental;
using PaperAtlas.Render.GraphLayout;

namespace PaperAtlas.Render.Pages;

/// <summary>/graph/: the whole atlas as a picture (laid out only when the page is rendered), its legends and every relation as text.</summary>
internal static class GraphPage
{
    public static GraphView Model(SiteModels site)
    {
        var graph = site.Graph;
        var pictures = site.Pictures;
        var input = pictures.WholeInput();
        var svg = new LazyHtml<(WholeGraph, string, Memo<LayoutInput, Point[]>?)>(
            (input, site.Label("graph_title", "The paper graph"), pictures.Layouts),
            static p => GraphSvg.Write(PaperGraphPictures.Whole(p.Item1, p.Item3), "atlas-graph", p.Item2, filterable: true));
        var inPicture = input.Layout.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var legend = graph.Papers
            .GroupBy(pictures.TopicIndex)
            .OrderBy(g => g.Key < 0 ? int.MaxValue : g.Key)
            .Select(g => new LegendTopic(
                g.Key < 0 ? new TopicChip("", site.Label("no_topic", "No topic"), "", site.Routes.Papers.Url, g.Count()) : site.Chip(g.First().Topics[0]),
                TopicPalette.Colour(g.Key),
                g.Count(),
                [.. g.Where(p => inPicture.Contains(p.Id)).Select(p => site.Row(p.Id))]))
            .ToEquatableArray();

        // A capped picture lists the relations it draws; every paper's own page lists all of its relations.
        var drawn = input.Nodes.Length == graph.Papers.Length ? null : inPicture;
        var relations = graph.Edges
            .Where(e => drawn is null || (drawn.Contains(e.From) && drawn.Contains(e.To)))
            .Select(e => new RelationView(site.Row(e.From), site.RelationLabel(e.Kind), site.Row(e.To),
                e.Source == Normalise.StoredMetadata.CitesSource ? site.Label("citations_source", "Semantic Scholar")
                : graph.FindList(e.Source)?.Title ?? site.Label("paper_files", "paper files")))
            .ToEquatableArray();
        return new GraphView(
            svg, input.Nodes.Length, input.Edges.Length, legend, LegendKinds(site, input.Edges),
            [.. site.Chips.Where(t => t.Count > 0).OrderBy(t => t.Name, StringComparer.Ordinal)], graph.Years, relations);
    }

    /// <summary>The edge kinds a picture draws, in the legend's order, with how many lines each.</summary>
    public static EquatableArray<LegendKind> LegendKinds(SiteModels site, EquatableArray<PictureEdge> edges)
    {
        var kinds = edges.GroupBy(e => e.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return
        [
            .. EdgeStyle.Kinds.Append(EdgeStyle.SeeAlso).Concat(kinds.Keys.Where(k => !EdgeStyle.Kinds.Contains(k) && k != EdgeStyle.SeeAlso).Order(StringComparer.Ordinal))
                .Where(kinds.ContainsKey)
                .Select(k => new LegendKind(k, site.RelationLabel(k), kinds[k])),
        ];
    }
}
