namespace PaperAtlas.Render.GraphLayout;

/// <summary>
/// A force-directed layout (Fruchterman–Reingold forces, ForceAtlas2's linear springs): every pair of nodes repels
/// (k²/d, through a Barnes–Hut quadtree; plus a push where circles overlap), every edge pulls its ends together (d), each node is pulled weakly towards its group's centroid
/// (so papers without edges still gather by topic) and everything weakly towards the origin. A fixed number of
/// iterations with a linearly cooling step limit; first positions come from a stable hash of each id around its
/// group's anchor. No clock, no randomness, no hash-order dependence: the same input gives the same positions.
/// </summary>
public static class ForceLayout
{
    /// <param name="spacing">The ideal distance between linked nodes (k), in layout units.</param>
    /// <param name="iterations">How many steps; by default 300, fewer for big graphs (the topic-grouped start is already close).</param>
    public static Point[] Run(IReadOnlyList<LayoutNode> nodes, IReadOnlyList<LayoutEdge> edges, double spacing, int? iterations = null)
    {
        var n = nodes.Count;
        if (n == 0)
        {
            return [];
        }

        var k = spacing;
        var steps = iterations ?? (n <= 1000 ? 300 : Math.Max(100, (int)(300 * Math.Sqrt(1000.0 / n))));
        var radii = nodes.Select(node => node.Radius).ToArray();
        var (xs, ys) = InitialPositions(nodes, k);
        var groups = GroupIndex(nodes);
        var groupCount = groups.Max() + 1;
        var fx = new double[n];
        var fy = new double[n];
        var gx = new double[groupCount];
        var gy = new double[groupCount];
        var gn = new int[groupCount];
        var tree = new QuadTree();
        var extent = k * Math.Sqrt(n);
        // Linear pulls against a 1/d repulsion settle into discs of even density (c + p) / (π k²) per group,
        // and groups packed at density c / (π k²): topic clusters with space between them.
        const double GroupPull = 1.2;
        const double CentrePull = 0.8;
        // Barnes–Hut opening angle: finer for small graphs, coarser (as ForceAtlas2 does) for big ones.
        var theta = n <= 2000 ? 0.9 : 1.2;

        for (var iteration = 0; iteration < steps; iteration++)
        {
            var step = extent / 8 * (1 - (double)iteration / steps) + k / 20;
            tree.Build(xs, ys);
            Array.Clear(gx);
            Array.Clear(gy);
            Array.Clear(gn);
            for (var i = 0; i < n; i++)
            {
                gx[groups[i]] += xs[i];
                gy[groups[i]] += ys[i];
                gn[groups[i]]++;
            }

            // Each node's force reads only positions from the start of the iteration, so the parallel loop
            // gives exactly the sums a sequential one would.
            Parallel.For(0, n, () => new int[QuadTree.StackSize], (i, _, stack) =>
            {
                var (rx, ry) = tree.Repulsion(i, xs[i], ys[i], k * k, theta, stack, radii, 4);
                var g = groups[i];
                fx[i] = rx + GroupPull * (gx[g] / gn[g] - xs[i]) - CentrePull * xs[i];
                fy[i] = ry + GroupPull * (gy[g] / gn[g] - ys[i]) - CentrePull * ys[i];
                return stack;
            }, _ => { });

            foreach (var edge in edges)
            {
                var dx = xs[edge.To] - xs[edge.From];
                var dy = ys[edge.To] - ys[edge.From];
                // Linear springs (force ∝ d, as ForceAtlas2), not FR's d²/k: a pair still rests at distance k, but
                // long edges of a tangled graph no longer crush everything into one dense ball.
                fx[edge.From] += dx;
                fy[edge.From] += dy;
                fx[edge.To] -= dx;
                fy[edge.To] -= dy;
            }

            for (var i = 0; i < n; i++)
            {
                var length = Math.Sqrt(fx[i] * fx[i] + fy[i] * fy[i]);
                if (length > 0)
                {
                    var move = Math.Min(length, step) / length;
                    xs[i] += fx[i] * move;
                    ys[i] += fy[i] * move;
                }
            }
        }

        var points = new Point[n];
        for (var i = 0; i < n; i++)
        {
            points[i] = new Point(xs[i], ys[i]);
        }

        return points;
    }

    /// <summary>Groups renumbered densely (0…), with "no group" (-1) as a group of its own.</summary>
    private static int[] GroupIndex(IReadOnlyList<LayoutNode> nodes)
    {
        var dense = new SortedDictionary<int, int>();
        foreach (var node in nodes)
        {
            dense.TryAdd(node.Group, 0);
        }

        var next = 0;
        foreach (var key in dense.Keys.ToList())
        {
            dense[key] = next++;
        }

        return [.. nodes.Select(node => dense[node.Group])];
    }

    /// <summary>
    /// Group anchors on a square grid (no trigonometry, so no platform-dependent last bits), each node placed
    /// around its anchor by a stable hash of its id.
    /// </summary>
    private static (double[] Xs, double[] Ys) InitialPositions(IReadOnlyList<LayoutNode> nodes, double k)
    {
        var groups = GroupIndex(nodes);
        var count = groups.Max() + 1;
        var columns = (int)Math.Ceiling(Math.Sqrt(count));
        var size = new int[count];
        foreach (var g in groups)
        {
            size[g]++;
        }

        var cell = k * Math.Sqrt((double)nodes.Count / count) * 1.5;
        var xs = new double[nodes.Count];
        var ys = new double[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var g = groups[i];
            var spread = k * Math.Sqrt(size[g]);
            xs[i] = (g % columns - (columns - 1) / 2.0) * cell + (StableHash.Unit(nodes[i].Id, 1) - 0.5) * spread;
            ys[i] = (g / columns - (columns - 1) / 2.0) * cell + (StableHash.Unit(nodes[i].Id, 2) - 0.5) * spread;
        }

        return (xs, ys);
    }
}
