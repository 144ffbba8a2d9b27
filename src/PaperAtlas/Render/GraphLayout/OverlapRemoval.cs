namespace PaperAtlas.Render.GraphLayout;

/// <summary>
/// Pushes apart every two circles closer than the sum of their radii plus a gap, in sweeps over the nodes in
/// index order, until a sweep finds no overlap. Close pairs come from a grid of cells as wide as the largest
/// possible overlap, so each node looks only at the 3×3 cells around its own: a sweep costs O(n). Moves are the
/// least that separates a pair, split evenly, so the force layout's picture survives.
/// </summary>
public static class OverlapRemoval
{
    public static Point[] Run(IReadOnlyList<Point> positions, IReadOnlyList<double> radii, double gap = 2, int maxSweeps = 1000)
    {
        var n = positions.Count;
        var xs = positions.Select(p => p.X).ToArray();
        var ys = positions.Select(p => p.Y).ToArray();
        var cell = (n == 0 ? 1 : 2 * radii.Max()) + gap;
        var cells = new Dictionary<(long, long), List<int>>();
        for (var sweep = 0; sweep < maxSweeps; sweep++)
        {
            foreach (var list in cells.Values)
            {
                list.Clear();
            }

            for (var i = 0; i < n; i++)
            {
                var key = Key(xs[i], ys[i], cell);
                if (!cells.TryGetValue(key, out var list))
                {
                    list = [];
                    cells[key] = list;
                }

                list.Add(i);
            }

            var moved = false;
            for (var i = 0; i < n; i++)
            {
                var (cx, cy) = Key(xs[i], ys[i], cell);
                for (var y = cy - 1; y <= cy + 1; y++)
                {
                    for (var x = cx - 1; x <= cx + 1; x++)
                    {
                        if (cells.TryGetValue((x, y), out var list))
                        {
                            foreach (var j in list)
                            {
                                moved |= j > i && Separate(i, j, xs, ys, radii, gap);
                            }
                        }
                    }
                }
            }

            if (!moved)
            {
                break;
            }
        }

        return [.. Enumerable.Range(0, n).Select(i => new Point(xs[i], ys[i]))];
    }

    /// <summary>Moves i and j apart when they overlap; says whether it did.</summary>
    private static bool Separate(int i, int j, double[] xs, double[] ys, IReadOnlyList<double> radii, double gap)
    {
        var need = radii[i] + radii[j] + gap;
        var dx = xs[j] - xs[i];
        var dy = ys[j] - ys[i];
        var d2 = dx * dx + dy * dy;
        // A hair of tolerance, so pairs pushed to just over the gap do not count as moved again.
        if (d2 >= (need - 0.01) * (need - 0.01))
        {
            return false;
        }

        var d = Math.Sqrt(d2);
        if (d < 1e-6)
        {
            // Same spot: part them along a direction the pair's indices fix.
            (dx, dy) = ((i % 7) - 3 + 0.5, (j % 5) - 2 + 0.5);
            d = Math.Sqrt(dx * dx + dy * dy);
            d2 = 0;
        }

        var push = (need + 0.02 - Math.Sqrt(d2)) / 2 / d;
        xs[i] -= dx * push;
        ys[i] -= dy * push;
        xs[j] += dx * push;
        ys[j] += dy * push;
        return true;
    }

    private static (long, long) Key(double x, double y, double cell) => ((long)Math.Floor(x / cell), (long)Math.Floor(y / cell));
}
