namespace PaperAtlas.Render.GraphLayout;

/// <summary>A node to lay out: its stable id (seeds its first position), its group (topic index, -1 for none) and its radius.</summary>
public sealed record LayoutNode(string Id, int Group, double Radius);

/// <summary>An undirected spring between two nodes, by index.</summary>
public readonly record struct LayoutEdge(int From, int To);

/// <summary>What a force layout reads: the nodes and the springs between them. Equal inputs give the same positions.</summary>
public sealed record LayoutInput(EquatableArray<LayoutNode> Nodes, EquatableArray<LayoutEdge> Springs);
