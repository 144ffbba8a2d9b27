namespace PaperAtlas.Render.GraphLayout;

/// <summary>The edge kinds and whether each has a direction; how each is dashed is the stylesheet's (<c>.edge[data-kind]</c> in site.css).</summary>
public static class EdgeStyle
{
    /// <summary>The kind drawn for "see also" links on a paper's neighbourhood picture.</summary>
    public const string SeeAlso = "see-also";

    /// <summary>The kind of the citations Semantic Scholar gives (content/metadata/): drawn lighter than what the lists state.</summary>
    public const string Cites = Normalise.StoredMetadata.CitesKind;

    /// <summary>Every kind, in the order legends list them; a pair of papers with several is drawn as the first.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ["extends", "variant-of", "improves", "uses", "surveys", "compares-with", "related", Cites];

    /// <summary>Kinds that read one way (A extends B); "related" and "see also" are symmetric.</summary>
    public static bool Directed(string kind) => kind is not ("related" or SeeAlso);
}
