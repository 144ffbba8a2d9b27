namespace PaperAtlas.Render.GraphLayout;

/// <summary>Where a label goes relative to its node.</summary>
public enum LabelSide
{
    Right,
    Left,
    Below,
    Above,
}

/// <summary>A placed label: its node, its box, and the side of the node it sits on.</summary>
public sealed record PlacedLabel(int Node, string Text, Box Box, LabelSide Side);

/// <summary>
/// Greedy label placement: in priority order, each label tries the sides of its node and takes the first whose box
/// meets no placed label and no node circle. Labels that fit nowhere are left out (the node keeps its tooltip).
/// </summary>
public static class LabelPlacer
{
    public static IReadOnlyList<PlacedLabel> Place(
        IReadOnlyList<Point> positions,
        IReadOnlyList<double> radii,
        IReadOnlyList<string?> texts,
        IEnumerable<int> priority,
        double fontSize,
        IReadOnlyList<LabelSide>? preferred = null)
    {
        var largest = radii.Count == 0 ? 1 : radii.Max();
        var height = fontSize * 1.3;
        var cell = Math.Max(height * 4, 2 * largest);
        var circles = new SpatialGrid(cell);
        for (var i = 0; i < positions.Count; i++)
        {
            circles.Add(i, new Box(positions[i].X - radii[i], positions[i].Y - radii[i], 2 * radii[i], 2 * radii[i]));
        }

        var labels = new SpatialGrid(cell);
        var placed = new List<PlacedLabel>();
        foreach (var node in priority)
        {
            if (texts[node] is not { Length: > 0 } text)
            {
                continue;
            }

            var width = TextMeasure.Width(text, fontSize);
            var first = preferred?[node] ?? LabelSide.Right;
            foreach (var side in SidesFrom[(int)first])
            {
                var box = BoxFor(positions[node], radii[node], width, height, side);
                var clear = !labels.AnyNear(box, (placed, box), static (s, other) => s.placed[other].Box.Overlaps(s.box))
                    && !circles.AnyNear(box, (positions, radii, box), static (s, c) => s.box.Touches(s.positions[c], s.radii[c] + 1));
                if (clear)
                {
                    labels.Add(placed.Count, box);
                    placed.Add(new PlacedLabel(node, text, box, side));
                    break;
                }
            }
        }

        return placed;
    }

    /// <summary>The sides a label tries, by the side it prefers: that one first, then right, left, below, above.</summary>
    private static readonly LabelSide[][] SidesFrom = [.. Enum.GetValues<LabelSide>()
        .Select(first => new[] { first, LabelSide.Right, LabelSide.Left, LabelSide.Below, LabelSide.Above }.Distinct().ToArray())];

    private static Box BoxFor(Point p, double r, double width, double height, LabelSide side) => side switch
    {
        LabelSide.Right => new Box(p.X + r + 3, p.Y - height / 2, width, height),
        LabelSide.Left => new Box(p.X - r - 3 - width, p.Y - height / 2, width, height),
        LabelSide.Below => new Box(p.X - width / 2, p.Y + r + 2, width, height),
        _ => new Box(p.X - width / 2, p.Y - r - 2 - height, width, height),
    };
}
