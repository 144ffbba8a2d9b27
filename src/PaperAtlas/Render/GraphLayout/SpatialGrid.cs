namespace PaperAtlas.Render.GraphLayout;

/// <summary>
/// Uniform grid bucketing: items registered under every cell their extent covers, so "what is near this box"
/// looks at a few cells instead of every item. Cells and the items in them keep insertion order (deterministic).
/// </summary>
internal sealed class SpatialGrid(double cellSize)
{
    private readonly Dictionary<(long, long), List<int>> _cells = [];

    public double CellSize { get; } = cellSize;

    public void Add(int item, Box extent)
    {
        var (x0, x1, y0, y1) = Cells(extent);
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                if (!_cells.TryGetValue((x, y), out var list))
                {
                    list = [];
                    _cells[(x, y)] = list;
                }

                list.Add(item);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="test"/> holds for an item whose cells meet the box (an item may be tested more than once).
    /// Loops and a state argument rather than iterators and closures: every paper page places its labels with these.
    /// </summary>
    public bool AnyNear<TState>(Box extent, TState state, Func<TState, int, bool> test)
    {
        var (x0, x1, y0, y1) = Cells(extent);
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                if (_cells.TryGetValue((x, y), out var list))
                {
                    foreach (var item in list)
                    {
                        if (test(state, item))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    private (long X0, long X1, long Y0, long Y1) Cells(Box extent) => (
        (long)Math.Floor(extent.X / CellSize),
        (long)Math.Floor(extent.Right / CellSize),
        (long)Math.Floor(extent.Y / CellSize),
        (long)Math.Floor(extent.Bottom / CellSize));
}
