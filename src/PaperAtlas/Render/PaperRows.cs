using System.Collections.Concurrent;
using PaperAtlas.Graph;

namespace PaperAtlas.Render;

/// <summary>
/// The table row of each paper, made the first time a page asks for it. A full build asks for all of them; an
/// incremental rebuild that renders one paper page asks for a dozen, and must not pay for ten thousand.
/// Safe to read from the parallel page renderers.
/// </summary>
internal sealed class PaperRows(PaperGraph graph, Func<Paper, PaperRow> row)
{
    private readonly ConcurrentDictionary<string, PaperRow> _rows = new(StringComparer.Ordinal);

    /// <summary>The row of the paper with this id; throws, as a dictionary would, for an id not in the graph.</summary>
    public PaperRow this[string id] =>
        _rows.GetOrAdd(id, key => row(graph.Find(key) ?? throw new KeyNotFoundException($"no paper '{key}' in the graph")));
}
