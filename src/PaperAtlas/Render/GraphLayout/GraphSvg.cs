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

    /// <param name="id">The element id; also prefixes the ids inside (title, arrow marker), unique on the page.</param>
    /// <param name="label">The accessible name of the picture.</param>
    public static string Write(GraphPicture picture, string id, string label)
    {
        var bounds = picture.Bounds(8);
        var svg = new StringBuilder(256 + 320 * picture.Nodes.Length + 200 * picture.Edges.Length);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").Append(Attr(id)).Append(bounds.Width >= WideWidth ? "\" class=\"graph-svg wide\" viewBox=\"" : "\" class=\"graph-svg\" viewBox=\"")
            .Append(N(bounds.X)).Append(' ').Append(N(bounds.Y)).Append(' ').Append(N(bounds.Width)).Append(' ').Append(N(bounds.Height))
            .Append("\" width=\"").Append(N(bounds.Width)).Append("\" height=\"").Append(N(bounds.Height))
            .Append("\" font-size=\"").Append(N(picture.FontSize)).Append("\" aria-labelledby=\"").Append(Attr(id)).Append("-title\">\n");
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
        return svg.ToString();
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
        svg.Append("<line class=\"edge\" data-kind=\"").Append(Attr(edge.Kind))
            .Append("\" data-from=\"").Append(Attr(a.Id)).Append("\" data-to=\"").Append(Attr(b.Id))
            .Append("\" x1=\"").Append(N(a.At.X + ux * a.Radius)).Append("\" y1=\"").Append(N(a.At.Y + uy * a.Radius))
            .Append("\" x2=\"").Append(N(b.At.X - ux * (b.Radius + 1))).Append("\" y2=\"").Append(N(b.At.Y - uy * (b.Radius + 1)))
            .Append("\" stroke=\"").Append(EdgeColour).Append(edge.Kind == EdgeStyle.SeeAlso ? "\" stroke-width=\"1.1\" stroke-opacity=\"0.8\"" : "\" stroke-width=\"1.5\"");
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

        svg.Append("><title>").Append(Text(node.Tooltip)).Append("</title><circle cx=\"").Append(N(node.At.X))
            .Append("\" cy=\"").Append(N(node.At.Y)).Append("\" r=\"").Append(N(node.Radius)).Append("\" fill=\"").Append(node.Colour).Append("\"/>");
        if (label is not null)
        {
            var box = label.Box;
            var (x, anchor) = label.Side switch
            {
                LabelSide.Right => (box.X, "start"),
                LabelSide.Left => (box.Right, "end"),
                _ => (box.X + box.Width / 2, "middle"),
            };
            svg.Append("<text class=\"label\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(box.Y + box.Height / 2))
                .Append("\" text-anchor=\"").Append(anchor).Append("\" dominant-baseline=\"central\">").Append(Text(label.Text)).Append("</text>");
        }

        svg.Append("</a>\n");
    }

    /// <summary>A coordinate with one decimal, invariant, never "-0".</summary>
    private static string N(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.#", CultureInfo.InvariantCulture);
    }

    private static string Attr(string value) => WebUtility.HtmlEncode(value);

    private static string Text(string value) => WebUtility.HtmlEncode(value);
}
