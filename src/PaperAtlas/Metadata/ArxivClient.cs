using System.Net;

namespace PaperAtlas.Metadata;

/// <summary>arXiv's API: <c>GET {api}?id_list=…&amp;max_results=N</c>, at most <see cref="BatchSize"/> ids a request.</summary>
internal sealed class ArxivClient(ServiceCaller caller, Uri api)
{
    /// <summary>arXiv's API pages its results; a hundred ids fit in one page and one URL.</summary>
    public const int BatchSize = 100;

    /// <summary>What arXiv says about each id it knows (ids without version); ids it does not know are absent.</summary>
    public Task<ServiceResult<IReadOnlyDictionary<string, ArxivRecord>>> Fetch(IReadOnlyList<string> ids, CancellationToken cancel)
    {
        // max_results defaults to 10: without it, a batch of a hundred would get ten answers.
        var query = $"id_list={string.Join(',', ids.Select(Uri.EscapeDataString))}&max_results={ids.Count}";
        var url = new Uri(api + (api.Query.Length > 0 ? "&" : "?") + query);
        return caller.Ask(() => new HttpRequestMessage(HttpMethod.Get, url), (status, body) =>
        {
            if (status != HttpStatusCode.OK)
            {
                var errors = TryRead(body);
                throw new RefusedAnswerException($"answered {(int)status}{(errors.Count > 0 ? ": " + string.Join("; ", errors) : "")}");
            }

            return ArxivAtom.Read(body).Entries;
        }, cancel);
    }

    private static IReadOnlyList<string> TryRead(string body)
    {
        try
        {
            return ArxivAtom.Read(body).Errors;
        }
        catch (MalformedAnswerException)
        {
            return [];
        }
    }
}
