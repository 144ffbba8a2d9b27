namespace PaperAtlas.Render.GraphLayout;

/// <summary>A paper drawn as a node: where, how big, which colour, and what it links to.</summary>
public sealed record PictureNode(
    string Url, string Tooltip, string Colour, double Radius, Point At, string Topics, int? Year, bool Focus);

/// <summary>An edge between two nodes (by index), drawn in its kind's style.</summary>
public sealed record PictureEdge(int From, int To, string Kind);

/// <summary>A laid-out graph, ready to write as SVG: nodes, edges and the labels that fit.</summary>
public sealed record GraphPicture(
    EquatableArray<PictureNode> Nodes, EquatableArray<PictureEdge> Edges, EquatableArray<PlacedLabel> Labels, double FontSize)
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

/// <summary>
/// The whole-atlas picture before its layout: the papers it draws (as the layout sees them and as the picture draws
/// them), its edges, the node labels and the order labels are placed in. Cheap to make and to compare; the layout
/// (<see cref="PaperGraphPictures.Whole(WholeGraph, Incremental.Memo{LayoutInput, Point[]})"/>) is the expensive part.
/// </summary>
public sealed record WholeGraph(
    EquatableArray<LayoutNode> Layout, EquatableArray<LayoutEdge> Springs, EquatableArray<PictureNode> Nodes, EquatableArray<PictureEdge> Edges,
    EquatableArray<string?> Labels, EquatableArray<int> LabelOrder);
