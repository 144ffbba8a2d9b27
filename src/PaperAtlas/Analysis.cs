using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using PaperAtlas.Load;

namespace PaperAtlas;

/// <summary>The result of Load → Graph: the paper graph and every diagnostic, sorted.</summary>
/// <param name="ListFiles">How many list files were loaded and read.</param>
/// <param name="PaperFiles">How many paper files were loaded and read.</param>
public sealed record Analysis(
    LoadedContent Content, int ListFiles, int PaperFiles, PaperGraph Graph, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<StageTiming> Timings)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>How many warnings content/accepted-warnings.yml accepted (they are info in <see cref="Diagnostics"/>).</summary>
    public int AcceptedWarnings { get; init; }
}
