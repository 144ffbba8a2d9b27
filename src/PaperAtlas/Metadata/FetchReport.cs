using System.Collections.Immutable;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Metadata;

/// <summary>What a fetch did: the records it wrote, and each paper or part of one it could not get, and why.</summary>
/// <param name="Diagnostics">What was wrong with the records already stored (each left out, and fetched again when its paper is asked about).</param>
/// <param name="Stale">Ids of stored records that name no paper of the atlas any more.</param>
public sealed record FetchReport(
    int Papers,
    int Created,
    int Changed,
    int Unchanged,
    ImmutableArray<MissingMetadata> Missing,
    ImmutableArray<string> Stale,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether a request failed after every retry: what was fetched is kept, and a later fetch asks again.</summary>
    public bool Failed => Missing.Any(m => m.Failed);
}

/// <summary>A paper whose record lacks what <paramref name="Service"/> would have said, and why.</summary>
/// <param name="Failed">True when the service could not be asked (or did not answer); false when it answered that it does not know the paper.</param>
public sealed record MissingMetadata(string PaperId, string Service, string Why, bool Failed);
