using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>The mentions found to be one paper, while the normaliser is still collecting them.</summary>
internal sealed class PaperGroup(string id, string? arxivId, string? doi)
{
    public string Id { get; } = id;

    public string? ArxivId { get; } = arxivId;

    public string? Doi { get; } = doi;

    public List<PaperMention> Mentions { get; } = [];
}
