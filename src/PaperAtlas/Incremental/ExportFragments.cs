using PaperAtlas.Graph;
using PaperAtlas.Render;

namespace PaperAtlas.Incremental;

/// <summary>
/// papers.json and papers.bib put together from each paper's part, kept between rebuilds: writing all ten thousand
/// papers' JSON takes over a second, and an edit changes one part. The bytes are those of <see cref="PapersJson.Write(PaperGraph, Stream)"/>
/// and <see cref="Bibtex.Write(PaperGraph, Stream)"/>.
/// </summary>
internal sealed class ExportFragments
{
    private readonly Dictionary<string, byte[]> _json = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _bibtex = new(StringComparer.Ordinal);

    /// <summary>Makes the parts of the changed papers (and of papers not seen before) again, and forgets papers gone.</summary>
    public void Update(PaperGraph graph, IReadOnlySet<string>? changed)
    {
        var stale = graph.Papers.Where(p => changed is null || changed.Contains(p.Id) || !_json.ContainsKey(p.Id)).ToList();
        var parts = new (string Id, byte[] Json, string Bibtex)[stale.Count];
        Parallel.For(0, stale.Count, i => parts[i] = (stale[i].Id, PapersJson.Part(graph, stale[i]), Bibtex.Entry(stale[i])));
        foreach (var (id, json, bibtex) in parts)
        {
            _json[id] = json;
            _bibtex[id] = bibtex;
        }

        if (_json.Count > graph.Papers.Length)
        {
            var ids = graph.Papers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _json.Keys.Where(k => !ids.Contains(k)).ToList())
            {
                _json.Remove(gone);
                _bibtex.Remove(gone);
            }
        }
    }

    /// <summary>Writes papers.json as <see cref="PapersJson.Write(PaperGraph, Stream)"/> would.</summary>
    public void WritePapersJson(PaperGraph graph, Stream stream) => PapersJson.Write(graph, stream, paper => _json[paper.Id]);

    /// <summary>Writes papers.bib as <see cref="Bibtex.Write(PaperGraph, Stream)"/> would.</summary>
    public void WritePapersBib(PaperGraph graph, Stream stream) => Bibtex.Write(graph, stream, paper => _bibtex[paper.Id]);
}
