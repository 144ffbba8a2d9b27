using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace PaperAtlas.Metadata;

/// <summary>
/// The Semantic Scholar Graph API: <c>POST {api}/paper/batch?fields=…</c> with <c>{"ids": ["ARXIV:…", "DOI:…", …]}</c>,
/// and <c>GET {api}/paper/search/match?query=…</c> for a paper known only by its title. The API key, when there is
/// one, goes in the <c>x-api-key</c> header of every request.
/// </summary>
internal sealed class ScholarClient(ServiceCaller caller, Uri api, string? apiKey)
{
    /// <summary>The API takes up to 500 ids; a hundred papers with their references stay well under its 10 MB answer limit.</summary>
    public const int BatchSize = 100;

    public const string Fields = "title,authors,year,venue,externalIds,citationCount,references.externalIds";

    /// <summary>One record (or null for an id it does not know) per id, in the order asked.</summary>
    public Task<ServiceResult<IReadOnlyList<ScholarRecord?>>> Batch(IReadOnlyList<string> ids, CancellationToken cancel)
    {
        var url = Endpoint("paper/batch", $"fields={Fields}");
        return caller.Ask(() => WithKey(new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new BatchRequest(ids)) }), (status, body) =>
            status == HttpStatusCode.OK ? ScholarJson.ReadBatch(body, ids.Count) : throw Refused(status, body), cancel);
    }

    /// <summary>The paper whose title best matches, or null when it matches none (a 404 "Title match not found").</summary>
    public Task<ServiceResult<ScholarRecord?>> MatchTitle(string title, CancellationToken cancel)
    {
        var url = Endpoint("paper/search/match", $"query={Uri.EscapeDataString(title)}&fields={Fields}");
        return caller.Ask(() => WithKey(new HttpRequestMessage(HttpMethod.Get, url)), (status, body) => status switch
        {
            HttpStatusCode.OK => ScholarJson.ReadMatch(body),
            HttpStatusCode.NotFound => null,
            _ => throw Refused(status, body),
        }, cancel);
    }

    private Uri Endpoint(string path, string query) => new($"{api.AbsoluteUri.TrimEnd('/')}/{path}?{query}");

    private HttpRequestMessage WithKey(HttpRequestMessage request)
    {
        if (apiKey is { Length: > 0 })
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        return request;
    }

    private static RefusedAnswerException Refused(HttpStatusCode status, string body) =>
        new($"answered {(int)status}" + (ScholarJson.ErrorOf(body) is { } error ? $": {error}" : ""));

    private sealed record BatchRequest([property: JsonPropertyName("ids")] IReadOnlyList<string> Ids);
}
