namespace PaperAtlas;

/// <summary>What to build from where; the CLI fills it from its options.</summary>
/// <param name="MaxParallelism">At most this many threads per parallel stage; null uses every core. The output never depends on it.</param>
/// <param name="Drafts">Builds the lists and paper files that say `draft: true` too (<c>--drafts</c>); `atlas serve` always shows them.</param>
public sealed record BuildOptions(string ContentPath, string OutputPath, string? BaseUrl = null, string? TemplatesPath = null, int? MaxParallelism = null, bool Drafts = false)
{
    /// <summary>
    /// The parallel options every stage of this build runs with. At most one thread per core: pages are written from the
    /// loop, and left unbounded the pool adds threads whenever one waits on the disk, which then fight for the cores.
    /// </summary>
    public ParallelOptions Parallelism => ParallelismOf(MaxParallelism);

    public static ParallelOptions ParallelismOf(int? maxParallelism) =>
        new() { MaxDegreeOfParallelism = maxParallelism is > 0 ? maxParallelism.Value : Environment.ProcessorCount };
}
