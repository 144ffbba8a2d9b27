using System.Collections.Immutable;
using PaperAtlas.Graph;

namespace PaperAtlas.Load;

/// <summary>Everything under content/, parsed but not yet interpreted.</summary>
public sealed record LoadedContent(
    string ContentPath,
    SiteSettings Settings,
    ImmutableArray<Topic> Topics,
    ImmutableArray<SourceDocument> Lists,
    ImmutableArray<SourceDocument> Papers);
