using PaperAtlas.Diagnostics;

namespace PaperAtlas.Graph;

/// <summary>One step of a reading path: the label as written, and the papers it resolves to.</summary>
public sealed record ReadingStep(string Label, EquatableArray<string> PaperIds);

/// <summary>An ordered way through the papers, from a list's arrows or from site.yml.</summary>
public sealed record ReadingPath(string Title, string Source, SourceLocation? Location, EquatableArray<ReadingStep> Steps);
