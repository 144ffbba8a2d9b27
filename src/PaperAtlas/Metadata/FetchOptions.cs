namespace PaperAtlas.Metadata;

/// <summary>
/// What <c>atlas fetch</c> asks and where. A class, not a record: a record's printed form would show the API key.
/// </summary>
public sealed class FetchOptions(string contentPath)
{
    public const string DefaultArxivApi = "https://export.arxiv.org/api/query";

    public const string DefaultScholarApi = "https://api.semanticscholar.org/graph/v1";

    public string ContentPath { get; } = contentPath;

    public Uri ArxivApi { get; init; } = new(DefaultArxivApi);

    /// <summary>The Graph API's base; the batch call is <c>POST {ScholarApi}/paper/batch</c>.</summary>
    public Uri ScholarApi { get; init; } = new(DefaultScholarApi);

    /// <summary>Ask about every paper again, not only those without a record (or without one service's part of it).</summary>
    public bool Refresh { get; init; }

    /// <summary>Semantic Scholar's API key (from S2_API_KEY): sent in a header, never printed.</summary>
    public string? ScholarApiKey { get; init; }

    /// <summary>The clock every wait is measured on; tests pass one whose waits take no real time.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ServicePace ArxivPace { get; init; } = ServicePace.Arxiv;

    public ServicePace ScholarPace { get; init; } = ServicePace.SemanticScholar;

    /// <summary>How long one request may take before it counts as failed (and is tried again).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
