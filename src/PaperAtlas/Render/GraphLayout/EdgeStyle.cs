namespace PaperAtlas.Render.GraphLayout;

/// <summary>How an edge kind is drawn: a dash pattern (SVG <c>stroke-dasharray</c>, empty for solid) and whether it has a direction.</summary>
public static class EdgeStyle
{
    /// <summary>The kind drawn for "see also" links on a paper's neighbourhood picture.</summary>
    public const string SeeAlso = "see-also";

    /// <summary>The kind of the citations Semantic Scholar gives (content/metadata/): drawn lighter than what the lists state.</summary>
    public const string Cites = "cites";

    /// <summary>Every kind, in the order legends list them; a pair of papers with several is drawn as the first.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ["extends", "variant-of", "improves", "uses", "surveys", "compares-with", "related", Cites];

    /// <summary>The stroke opacity of a kind's legend swatch: lower for the citations, which no list states; "" for full.</summary>
    public static string Opacity(string kind) => kind == Cites ? "0.4" : "";

    public static string DashArray(string kind) => kind switch
    {
        "extends" => "",
        "variant-of" => "10 4",
        "improves" => "3 3",
        "uses" => "10 3 2 3",
        "surveys" => "14 3 2 3 2 3",
        "compares-with" => "6 2 1 2",
        SeeAlso => "1 4",
        Cites => "",
        _ => "4 4",
    };

    /// <summary>Kinds that read one way (A extends B); "related" and "see also" are symmetric.</summary>
    public static bool Directed(string kind) => kind is not ("related" or SeeAlso);
}
