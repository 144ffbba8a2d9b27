using System.Collections.Immutable;
using PaperAtlas.Graph;

namespace PaperAtlas.Load;

/// <summary>Everything under content/, parsed but not yet interpreted.</summary>
public sealed record LoadedContent(
    string ContentPath,
    SiteSettings Settings,
    ImmutableArray<Topic> Topics,
    ImmutableArray<SourceDocument> Lists,
    ImmutableArray<SourceDocument> Papers)
{
    /// <summary>The settings and taxonomy alone, without the loaded files.</summary>
    public LoadedContent WithoutDocuments() => this with { Lists = [], Papers = [] };
}
