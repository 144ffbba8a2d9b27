namespace PaperAtlas.Graph;

/// <summary>
/// A directed relation between papers: <c>From</c> extends / is a variant of / uses … <c>To</c>.
/// <c>Source</c> says who claims it: a list id, or <c>papers</c> for a paper file's <c>related:</c>.
/// </summary>
public sealed record Edge(string From, string To, string Kind, string Source, string Note);
