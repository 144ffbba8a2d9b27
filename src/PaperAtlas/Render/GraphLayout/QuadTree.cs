namespace PaperAtlas.Render.GraphLayout;

/// <summary>
/// A Barnes–Hut quadtree over point masses: far-away groups of nodes act as one mass at their centre, so one
/// repulsion pass costs about n log n instead of n². Arrays, not objects, so rebuilding it every iteration is cheap.
/// </summary>
internal sealed class QuadTree
{
    private const int Empty = -1;
    private const int Internal = -2;
    private const double MinHalf = 1e-3;

    private int[] _children = [];
    private int[] _body = [];
    private double[] _mass = [];
    private double[] _sumX = [];
    private double[] _sumY = [];
    private double[] _centreX = [];
    private double[] _centreY = [];
    private double[] _half = [];
    private int _count;

    /// <summary>Rebuilds the tree over the points (every node weighs 1).</summary>
    public void Build(double[] xs, double[] ys)
    {
        var n = xs.Length;
        Ensure(Math.Max(16, 4 * n + 8));
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var i = 0; i < n; i++)
        {
            minX = Math.Min(minX, xs[i]);
            minY = Math.Min(minY, ys[i]);
            maxX = Math.Max(maxX, xs[i]);
            maxY = Math.Max(maxY, ys[i]);
        }

        _count = 0;
        var half = Math.Max(Math.Max(maxX - minX, maxY - minY) / 2 + 1, 1);
        var root = NewCell((minX + maxX) / 2, (minY + maxY) / 2, half);
        for (var i = 0; i < n; i++)
        {
            Insert(root, i, xs[i], ys[i]);
        }
    }

    /// <summary>
    /// The repulsion on body <paramref name="i"/> at (x, y): the sum over masses m at distance d of
    /// <c>strength · m / d</c>, pointing away from them; plus, from single bodies whose circles come closer than
    /// their radii and <paramref name="gap"/> allow, a push of <paramref name="strength"/> / k per unit of overlap.
    /// </summary>
    public (double Fx, double Fy) Repulsion(int i, double x, double y, double strength, double theta, Span<int> stack, double[] radii, double gap)
    {
        double fx = 0, fy = 0;
        var top = 0;
        stack[top++] = 0;
        var theta2 = theta * theta;
        while (top > 0)
        {
            var cell = stack[--top];
            if (_mass[cell] == 0 || _body[cell] == i)
            {
                continue;
            }

            var dx = x - _sumX[cell] / _mass[cell];
            var dy = y - _sumY[cell] / _mass[cell];
            var d2 = dx * dx + dy * dy;
            var size = 2 * _half[cell];
            if (_body[cell] >= 0 || size * size < theta2 * d2)
            {
                if (d2 < 1e-9)
                {
                    continue;
                }

                var f = strength * _mass[cell] / d2;
                if (_body[cell] >= 0)
                {
                    var need = radii[i] + radii[_body[cell]] + gap;
                    if (d2 < need * need)
                    {
                        var d = Math.Sqrt(d2);
                        f += Math.Sqrt(strength) * (need - d) / d;
                    }
                }

                fx += dx * f;
                fy += dy * f;
                continue;
            }

            for (var q = 0; q < 4; q++)
            {
                var child = _children[4 * cell + q];
                if (child > 0)
                {
                    stack[top++] = child;
                }
            }
        }

        return (fx, fy);
    }

    /// <summary>Enough stack for a traversal: four entries per level of depth.</summary>
    public const int StackSize = 4 * 64 + 8;

    private void Insert(int cell, int body, double x, double y)
    {
        for (var depth = 0; ; depth++)
        {
            _mass[cell] += 1;
            _sumX[cell] += x;
            _sumY[cell] += y;
            if (_body[cell] == Empty && !HasChildren(cell))
            {
                _body[cell] = body;
                return;
            }

            if (_body[cell] >= 0)
            {
                if (_half[cell] < MinHalf || depth > 60)
                {
                    // Coincident points: keep them as one heavier leaf.
                    return;
                }

                var resident = _body[cell];
                var rx = _sumX[cell] - x;
                var ry = _sumY[cell] - y;
                var residentMass = _mass[cell] - 1;
                _body[cell] = Internal;
                var home = Child(cell, rx / residentMass, ry / residentMass);
                _body[home] = resident;
                _mass[home] = residentMass;
                _sumX[home] = rx;
                _sumY[home] = ry;
            }

            cell = Child(cell, x, y);
        }
    }

    private bool HasChildren(int cell) =>
        _children[4 * cell] > 0 || _children[4 * cell + 1] > 0 || _children[4 * cell + 2] > 0 || _children[4 * cell + 3] > 0;

    /// <summary>The child cell of <paramref name="cell"/> holding (x, y), made empty if it does not exist yet.</summary>
    private int Child(int cell, double x, double y)
    {
        var right = x >= _centreX[cell];
        var below = y >= _centreY[cell];
        var q = (right ? 1 : 0) + (below ? 2 : 0);
        var child = _children[4 * cell + q];
        if (child > 0)
        {
            return child;
        }

        var h = _half[cell] / 2;
        child = NewCell(_centreX[cell] + (right ? h : -h), _centreY[cell] + (below ? h : -h), h);
        _children[4 * cell + q] = child;
        return child;
    }

    private int NewCell(double cx, double cy, double half)
    {
        if (_count == _body.Length)
        {
            Ensure(_body.Length * 2);
        }

        var cell = _count++;
        _children.AsSpan(4 * cell, 4).Clear();
        _body[cell] = Empty;
        _mass[cell] = 0;
        _sumX[cell] = 0;
        _sumY[cell] = 0;
        _centreX[cell] = cx;
        _centreY[cell] = cy;
        _half[cell] = half;
        return cell;
    }

    private void Ensure(int capacity)
    {
        if (_body.Length >= capacity)
        {
            return;
        }

        Array.Resize(ref _children, 4 * capacity);
        Array.Resize(ref _body, capacity);
        Array.Resize(ref _mass, capacity);
        Array.Resize(ref _sumX, capacity);
        Array.Resize(ref _sumY, capacity);
        Array.Resize(ref _centreX, capacity);
        Array.Resize(ref _centreY, capacity);
        Array.Resize(ref _half, capacity);
    }
}
