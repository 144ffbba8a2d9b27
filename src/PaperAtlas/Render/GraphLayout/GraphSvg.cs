using System.Globalization;
using System.Net;
using System.Text;

namespace PaperAtlas.Render.GraphLayout;

/// <summary>
/// Writes a <see cref="GraphPicture"/> as inline SVG that reads without JavaScript under a strict CSP: each node is a
/// link to its paper with a <c>&lt;title&gt;</c> tooltip, and <c>data-</c> attributes give graph.js what it needs
/// for hover, zoom and filters (a line names its ends by their place among the nodes). Strokes, dashes (by
/// <c>data-kind</c>), arrowheads (inherited from the edges' group) and label anchors come from the group and the theme's
/// stylesheet, not attributes repeated on every line: ten thousand paper pages each carry a picture.
/// </summary>
public static class GraphSvg
{
    /// <summary>Pictures at least this wide are marked <c>wide</c>: scaled to the page's width (smaller ones keep their size).</summary>
    private const double WideWidth = 900;

    /// <summary>A builder that grew past this (the whole-atlas picture) is not kept.</summary>
    private const int MaxKeptChars = 256 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <param name="id">The element id; also prefixes the ids inside (title, arrow marker), unique on the page.</param>
    /// <param name="label">The accessible name of the picture.</param>
    /// <param name="filterable">Whether nodes carry their topics and year for graph.js's filters (only a picture with filter controls needs them).</param>
    public static string Write(GraphPicture picture, string id, string label, bool filterable = false)
    {
        var bounds = picture.Bounds(8);
        // Every paper page draws one: a builder per thread, kept, spares growing a new one each time.
        var svg = t_builder ??= new StringBuilder(16 * 1024);
        svg.Clear();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").Append(Attr(id)).Append(bounds.Width >= WideWidth ? "\" class=\"graph-svg wide\" viewBox=\"" : "\" class=\"graph-svg\" viewBox=\"")
            .AppendN(bounds.X).Append(' ').AppendN(bounds.Y).Append(' ').AppendN(bounds.Width).Append(' ').AppendN(bounds.Height)
            .Append("\" width=\"").AppendN(bounds.Width).Append("\" height=\"").AppendN(bounds.Height)
            .Append("\" font-size=\"").AppendN(picture.FontSize).Append("\" aria-labelledby=\"").Append(Attr(id)).Append("-title\">\n");
        svg.Append("<title id=\"").Append(Attr(id)).Append("-title\">").Append(Text(label)).Append("</title>\n");
        svg.Append("<defs><marker id=\"").Append(Attr(id)).Append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
            .Append("<path d=\"M0,1L10,5L0,9z\" class=\"arrow\"/></marker></defs>\n");

        svg.Append("<g class=\"edges\" marker-end=\"url(#").Append(Attr(id)).Append("-arrow)\">\n");
        foreach (var edge in picture.Edges)
        {
            WriteEdge(svg, picture, edge);
        }

        svg.Append("</g>\n<g class=\"nodes\">\n");
        var labels = picture.Labels.ToDictionary(l => l.Node);
        for (var i = 0; i < picture.Nodes.Length; i++)
        {
            WriteNode(svg, picture.Nodes[i], labels.GetValueOrDefault(i), filterable);
        }

        svg.Append("</g>\n</svg>");
        var text = svg.ToString();
        if (svg.Capacity > MaxKeptChars)
        {
            t_builder = null;
        }

        return text;
    }

    private static void WriteEdge(StringBuilder svg, GraphPicture picture, PictureEdge edge)
    {
        var a = picture.Nodes[edge.From];
        var b = picture.Nodes[edge.To];
        var dx = b.At.X - a.At.X;
        var dy = b.At.Y - a.At.Y;
        var d = Math.Sqrt(dx * dx + dy * dy);
        if (d <= a.Radius + b.Radius)
        {
            return;
        }

        // From circle edge to circle edge, so an arrowhead lands on the node's rim.
        var (ux, uy) = (dx / d, dy / d);
        svg.Append("<line class=\"edge\" data-kind=\"").Append(Attr(edge.Kind))
            .Append("\" data-from=\"").Append(edge.From).Append("\" data-to=\"").Append(edge.To)
            .Append("\" x1=\"").AppendN(a.At.X + ux * a.Radius).Append("\" y1=\"").AppendN(a.At.Y + uy * a.Radius)
            .Append("\" x2=\"").AppendN(b.At.X - ux * (b.Radius + 1)).Append("\" y2=\"").AppendN(b.At.Y - uy * (b.Radius + 1)).Append('"');
        svg.Append(EdgeStyle.Directed(edge.Kind) ? "/>\n" : " marker-end=\"none\"/>\n");
    }

    private static void WriteNode(StringBuilder svg, PictureNode node, PlacedLabel? label, bool filterable)
    {
        svg.Append("<a class=\"node").Append(node.Focus ? " focus" : "").Append("\" href=\"").Append(Attr(node.Url)).Append('"');
        if (filterable)
        {
            svg.Append(" data-topics=\"").Append(Attr(node.Topics)).Append('"');
            if (node.Year is { } year)
            {
                svg.Append(" data-year=\"").Append(year.ToString(CultureInfo.InvariantCulture)).Append('"');
            }
        }

        // Radii keep their tenth: centres rounded to whole units move two circles at most 1.5 closer, under the layout's gap of 2.
        svg.Append("><title>").Append(Text(node.Tooltip)).Append("</title><circle cx=\"").AppendN(node.At.X)
            .Append("\" cy=\"").AppendN(node.At.Y).Append("\" r=\"").AppendTenths(node.Radius).Append("\" fill=\"").Append(node.Colour).Append("\"/>");
        if (label is not null)
        {
            var box = label.Box;
            var (x, anchor) = label.Side switch
            {
                LabelSide.Right => (box.X, " start"),
                LabelSide.Left => (box.Right, " end"),
                _ => (box.X + box.Width / 2, ""),
            };
            svg.Append("<text class=\"label").Append(anchor).Append("\" x=\"").AppendN(x).Append("\" y=\"").AppendN(box.Y + box.Height / 2)
                .Append("\">").Append(Text(label.Text)).Append("</text>");
        }

        svg.Append("</a>\n");
    }

    /// <summary>A coordinate in whole units (a tenth of a pixel is invisible and costs bytes on every page), invariant, never "-0".</summary>
    private static StringBuilder AppendN(this StringBuilder svg, double value) => svg.AppendRounded(value, 0);

    private static StringBuilder AppendTenths(this StringBuilder svg, double value) => svg.AppendRounded(value, 1);

    private static StringBuilder AppendRounded(this StringBuilder svg, double value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return svg.Append(CultureInfo.InvariantCulture, $"{(rounded == 0 ? 0 : rounded):0.#}");
    }

    private static string Attr(string value) => WebUtility.HtmlEncode(value);

    private static string Text(string value) => WebUtility.HtmlEncode(value);
}
