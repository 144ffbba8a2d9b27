using System.Collections.Immutable;

namespace PaperAtlas.Render.GraphLayout;

/// <summary>A paper drawn as a node: where, how big, which colour, and what it links to.</summary>
public sealed record PictureNode(
    string Id, string Url, string Tooltip, string Colour, double Radius, Point At, string Topics, int? Year, bool Focus);

/// <summary>An edge between two nodes (by index), drawn in its kind's style, with a tooltip.</summary>
public sealed record PictureEdge(int From, int To, string Kind, string Tooltip);

/// <summary>A laid-out graph, ready to write as SVG: nodes, edges and the labels that fit.</summary>
public sealed record GraphPicture(
    ImmutableArray<PictureNode> Nodes, ImmutableArray<PictureEdge> Edges, IReadOnlyList<PlacedLabel> Labels, double FontSize)
{
    /// <summary>The box around every circle and label, with a margin.</summary>
    public Box Bounds(double margin)
    {
        if (Nodes.IsEmpty)
        {
            return new Box(0, 0, 1, 1);
        }

        var minX = Nodes.Min(n => n.At.X - n.Radius);
        var minY = Nodes.Min(n => n.At.Y - n.Radius);
        var maxX = Nodes.Max(n => n.At.X + n.Radius);
        var maxY = Nodes.Max(n => n.At.Y + n.Radius);
        foreach (var label in Labels)
        {
            minX = Math.Min(minX, label.Box.X);
            minY = Math.Min(minY, label.Box.Y);
            maxX = Math.Max(maxX, label.Box.Right);
            maxY = Math.Max(maxY, label.Box.Bottom);
        }

        return new Box(Math.Floor(minX - margin), Math.Floor(minY - margin), Math.Ceiling(maxX - minX + 2 * margin), Math.Ceiling(maxY - minY + 2 * margin));
    }
}
