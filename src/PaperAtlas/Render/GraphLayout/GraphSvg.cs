using System.Globalization;
using System.Net;
using System.Text;

namespace PaperAtlas.Render.GraphLayout;

/// <summary>
/// Writes a <see cref="GraphPicture"/> as inline SVG that reads without JavaScript under a strict CSP: colours and
/// dashes are SVG attributes (no <c>style=""</c>), each node is a link to its paper with a <c>&lt;title&gt;</c>
/// tooltip, and <c>data-</c> attributes give graph.js what it needs for hover, zoom and filters.
/// </summary>
public static class GraphSvg
{
    private const string EdgeColour = "#8a8f98";

    /// <summary>Pictures at least this wide are marked <c>wide</c>: scaled to the page's width (smaller ones keep their size).</summary>
    private const double WideWidth = 900;

    /// <summary>A builder that grew past this (the whole-atlas picture) is not kept.</summary>
    private const int MaxKeptChars = 256 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <param name="id">The element id; also prefixes the ids inside (title, arrow marker), unique on the page.</param>
    /// <param name="label">The accessible name of the picture.</param>
    public static string Write(GraphPicture picture, string id, string label)
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
            .Append("<path d=\"M0,1L10,5L0,9z\" fill=\"").Append(EdgeColour).Append("\" class=\"arrow\"/></marker></defs>\n");

        svg.Append("<g class=\"edges\">\n");
        foreach (var edge in picture.Edges)
        {
            WriteEdge(svg, picture, edge, id);
        }

        svg.Append("</g>\n<g class=\"nodes\">\n");
        var labels = picture.Labels.ToDictionary(l => l.Node);
        for (var i = 0; i < picture.Nodes.Length; i++)
        {
            WriteNode(svg, picture.Nodes[i], labels.GetValueOrDefault(i));
        }

        svg.Append("</g>\n</svg>");
        var text = svg.ToString();
        if (svg.Capacity > MaxKeptChars)
        {
            t_builder = null;
        }

        return text;
    }

    private static void WriteEdge(StringBuilder svg, GraphPicture picture, PictureEdge edge, string id)
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
        svg.Append(edge.Kind == EdgeStyle.Cites ? "<line class=\"edge cites\" data-kind=\"" : "<line class=\"edge\" data-kind=\"").Append(Attr(edge.Kind))
            .Append("\" data-from=\"").Append(Attr(a.Id)).Append("\" data-to=\"").Append(Attr(b.Id))
            .Append("\" x1=\"").AppendN(a.At.X + ux * a.Radius).Append("\" y1=\"").AppendN(a.At.Y + uy * a.Radius)
            .Append("\" x2=\"").AppendN(b.At.X - ux * (b.Radius + 1)).Append("\" y2=\"").AppendN(b.At.Y - uy * (b.Radius + 1))
            .Append("\" stroke=\"").Append(EdgeColour).Append(edge.Kind switch
            {
                EdgeStyle.SeeAlso => "\" stroke-width=\"1.1\" stroke-opacity=\"0.8\"",
                EdgeStyle.Cites => "\" stroke-width=\"1\" stroke-opacity=\"" + EdgeStyle.Opacity(edge.Kind) + "\"",
                _ => "\" stroke-width=\"1.5\"",
            });
        var dashes = EdgeStyle.DashArray(edge.Kind);
        if (dashes.Length > 0)
        {
            svg.Append(" stroke-dasharray=\"").Append(dashes).Append('"');
        }

        if (EdgeStyle.Directed(edge.Kind))
        {
            svg.Append(" marker-end=\"url(#").Append(Attr(id)).Append("-arrow)\"");
        }

        svg.Append("><title>").Append(Text(edge.Tooltip)).Append("</title></line>\n");
    }

    private static void WriteNode(StringBuilder svg, PictureNode node, PlacedLabel? label)
    {
        svg.Append("<a class=\"node").Append(node.Focus ? " focus" : "").Append("\" href=\"").Append(Attr(node.Url))
            .Append("\" data-id=\"").Append(Attr(node.Id)).Append("\" data-topics=\"").Append(Attr(node.Topics)).Append('"');
        if (node.Year is { } year)
        {
            svg.Append(" data-year=\"").Append(year.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        svg.Append("><title>").Append(Text(node.Tooltip)).Append("</title><circle cx=\"").AppendN(node.At.X)
            .Append("\" cy=\"").AppendN(node.At.Y).Append("\" r=\"").AppendN(node.Radius).Append("\" fill=\"").Append(node.Colour).Append("\"/>");
        if (label is not null)
        {
            var box = label.Box;
            var (x, anchor) = label.Side switch
            {
                LabelSide.Right => (box.X, "start"),
                LabelSide.Left => (box.Right, "end"),
                _ => (box.X + box.Width / 2, "middle"),
            };
            svg.Append("<text class=\"label\" x=\"").AppendN(x).Append("\" y=\"").AppendN(box.Y + box.Height / 2)
                .Append("\" text-anchor=\"").Append(anchor).Append("\" dominant-baseline=\"central\">").Append(Text(label.Text)).Append("</text>");
        }

        svg.Append("</a>\n");
    }

    /// <summary>A coordinate with one decimal, invariant, never "-0"; formatted straight into the builder.</summary>
    private static StringBuilder AppendN(this StringBuilder svg, double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return svg.Append(CultureInfo.InvariantCulture, $"{(rounded == 0 ? 0 : rounded):0.#}");
    }

    private static string Attr(string value) => WebUtility.HtmlEncode(value);

    private static string Text(string value) => WebUtility.HtmlEncode(value);
}
