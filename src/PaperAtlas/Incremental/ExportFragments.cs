using System.Text;
using System.Text.Json;
using PaperAtlas.Graph;
using PaperAtlas.Render;

namespace PaperAtlas.Incremental;

/// <summary>
/// papers.json and papers.bib put together from each paper's part, kept between rebuilds: writing all ten thousand
/// papers' JSON takes over a second, and an edit changes one part. The bytes are those of <see cref="PapersJson.Write"/>
/// and <see cref="Bibtex.All"/>.
/// </summary>
internal sealed class ExportFragments
{
    private readonly Dictionary<string, byte[]> _json = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _bibtex = new(StringComparer.Ordinal);
    private byte[] _jsonHead = [];
    private byte[] _jsonTail = [];

    /// <summary>Makes the parts of the changed papers (and of papers not seen before) again, and forgets papers gone.</summary>
    public void Update(PaperGraph graph, IReadOnlySet<string>? changed)
    {
        var stale = graph.Papers.Where(p => changed is null || changed.Contains(p.Id) || !_json.ContainsKey(p.Id)).ToList();
        var parts = new (string Id, byte[] Json, string Bibtex)[stale.Count];
        Parallel.For(0, stale.Count, i => parts[i] = (stale[i].Id, JsonPart(stale[i]), Bibtex.Entry(stale[i])));
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

    /// <summary>Writes papers.json as <see cref="Render.PapersJson.Write"/> would.</summary>
    public void WritePapersJson(PaperGraph graph, Stream stream)
    {
        if (graph.Papers.IsEmpty)
        {
            stream.Write(Render.PapersJson.Write(graph));
            return;
        }

        stream.Write(_jsonHead);
        for (var i = 0; i < graph.Papers.Length; i++)
        {
            if (i > 0)
            {
                stream.WriteByte((byte)',');
            }

            stream.Write(_json[graph.Papers[i].Id]);
        }

        stream.Write(_jsonTail);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes papers.bib as <see cref="Bibtex.All"/> would.</summary>
    public void WritePapersBib(PaperGraph graph, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        for (var i = 0; i < graph.Papers.Length; i++)
        {
            if (i > 0)
            {
                writer.Write('\n');
            }

            writer.Write(_bibtex[graph.Papers[i].Id]);
        }
    }

    /// <summary>
    /// One paper as it appears inside the file's array: written in the same wrapper as the whole file, so the
    /// indentation is the same, and cut out between the array's brackets.
    /// </summary>
    private byte[] JsonPart(Paper paper)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Render.PapersJson.Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("papers");
            Render.PapersJson.WritePaper(json, paper);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        var bytes = stream.ToArray();
        var open = Array.IndexOf(bytes, (byte)'[') + 1;
        var close = Array.LastIndexOf(bytes, (byte)']');
        while (bytes[close - 1] is (byte)' ' or (byte)'\n' or (byte)'\r')
        {
            close--;
        }

        // The wrapper is the same for every paper; keep its two ends for putting the file together.
        if (_jsonHead.Length == 0)
        {
            lock (_json)
            {
                _jsonHead = bytes[..open];
                _jsonTail = bytes[close..];
            }
        }

        return bytes[open..close];
    }
}
