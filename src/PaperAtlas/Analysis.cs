using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using PaperAtlas.Load;

namespace PaperAtlas;

/// <summary>The result of Load → Graph: the paper graph and every diagnostic, sorted.</summary>
public sealed record Analysis(LoadedContent Content, PaperGraph Graph, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<StageTiming> Timings)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
