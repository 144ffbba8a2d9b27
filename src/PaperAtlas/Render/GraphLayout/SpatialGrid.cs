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
        foreach (var key in Cells(extent))
        {
            if (!_cells.TryGetValue(key, out var list))
            {
                list = [];
                _cells[key] = list;
            }

            list.Add(item);
        }
    }

    /// <summary>Items whose cells meet the box; an item may come more than once.</summary>
    public IEnumerable<int> Near(Box extent)
    {
        foreach (var key in Cells(extent))
        {
            if (_cells.TryGetValue(key, out var list))
            {
                foreach (var item in list)
                {
                    yield return item;
                }
            }
        }
    }

    private IEnumerable<(long, long)> Cells(Box extent)
    {
        var x0 = (long)Math.Floor(extent.X / CellSize);
        var x1 = (long)Math.Floor(extent.Right / CellSize);
        var y0 = (long)Math.Floor(extent.Y / CellSize);
        var y1 = (long)Math.Floor(extent.Bottom / CellSize);
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                yield return (x, y);
            }
        }
    }
}
