using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>The mentions found to be one paper, while the normaliser is still collecting them.</summary>
internal sealed class PaperGroup(string id, string? arxivId, string? doi)
{
    public string Id { get; } = id;

    public string? ArxivId { get; } = arxivId;

    /// <summary>Set when a DOI-only group is found to be an arXiv paper's published version.</summary>
    public string? Doi { get; set; } = doi;

    public List<PaperMention> Mentions { get; } = [];
}
