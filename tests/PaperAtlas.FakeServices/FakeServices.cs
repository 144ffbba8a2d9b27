using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PaperAtlas.FakeServices;

/// <summary>
/// arXiv's API and the Semantic Scholar Graph API, faked on 127.0.0.1 from a <see cref="FakeCatalogue"/>, answering
/// in the real services' formats. Requests are answered one at a time, each recorded with the time it arrived on the
/// clock the fakes were given; <see cref="Fail"/> scripts 429s, 5xx, cut answers and key echoes for the next requests.
/// </summary>
public sealed class FakeServices : IDisposable
{
    public const string Arxiv = "arXiv";
    public const string Scholar = "Semantic Scholar";

    private const string ArxivPath = "/arxiv/api/query";
    private const string ScholarPath = "/graph/v1";

    private readonly HttpListener _listener;
    private readonly FakeCatalogue _catalogue;
    private readonly TimeProvider _time;
    private readonly Action<string>? _log;
    private readonly List<FakeRequest> _requests = [];
    private readonly Dictionary<string, Queue<Fault>> _faults = new(StringComparer.Ordinal) { [Arxiv] = new(), [Scholar] = new() };
    private readonly Lock _gate = new();
    private readonly Task _serving;
    private readonly Uri? _redirectTo;

    /// <param name="time">The clock requests are timed on (the system's when null).</param>
    /// <param name="port">0 for any free port.</param>
    /// <param name="log">Told one line per request answered, when given.</param>
    /// <param name="redirectTo">When given, every request is answered 301 to the same path there (a service that moved).</param>
    public FakeServices(FakeCatalogue catalogue, TimeProvider? time = null, int port = 0, Action<string>? log = null, Uri? redirectTo = null)
    {
        _catalogue = catalogue;
        _redirectTo = redirectTo;
        _time = time ?? TimeProvider.System;
        _log = log;
        (_listener, Root) = Listen(port);
        _serving = Task.Run(Serve);
    }

    /// <summary>The fakes' address, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Root { get; }

    /// <summary>What to pass as <c>--arxiv-api</c>.</summary>
    public Uri ArxivApi => new(Root, ArxivPath);

    /// <summary>What to pass as <c>--s2-api</c>.</summary>
    public Uri ScholarApi => new(Root, ScholarPath);

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<FakeRequest> RequestsTo(string service) => [.. Requests.Where(r => r.Service == service)];

    /// <summary>The next requests to <paramref name="service"/> get these faults, one each, before it answers again.</summary>
    public void Fail(string service, params Fault[] faults)
    {
        lock (_gate)
        {
            foreach (var fault in faults)
            {
                _faults[service].Enqueue(fault);
            }
        }
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener closed under a pending GetContextAsync: that is how serving ends.
        }
    }

    private static (HttpListener, Uri) Listen(int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port != 0 ? port : FreePort();
            var root = new Uri($"http://127.0.0.1:{chosen}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(root.AbsoluteUri);
            try
            {
                listener.Start();
                return (listener, root);
            }
            catch (HttpListenerException) when (port == 0 && attempt < 10)
            {
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await Answer(context).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away mid-answer (or a cut answer closed it): serve the next one.
            }
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        var service = path.StartsWith(ArxivPath, StringComparison.Ordinal) ? Arxiv : Scholar;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        Fault? fault;
        lock (_gate)
        {
            _faults[service].TryDequeue(out fault);
        }

        var (status, contentType, text) = service == Arxiv ? AnswerArxiv(request) : AnswerScholar(request, path, body);
        var response = context.Response;
        if (_redirectTo is { } target)
        {
            (status, contentType, text) = (301, "text/html", "<html><body>Moved Permanently</body></html>");
            response.RedirectLocation = new Uri(target, request.Url.PathAndQuery).AbsoluteUri;
        }

        var key = request.Headers["x-api-key"];
        switch (fault)
        {
            case Fault.TooManyRequests tooMany:
                (status, text) = (429, service == Arxiv ? "Rate exceeded.\n" : ScholarAnswers.TooManyRequests);
                if (tooMany.RetryAfterSeconds is { } seconds)
                {
                    response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                break;
            case Fault.ServerError error:
                (status, text) = (error.Status, service == Arxiv ? $"<html><body><h1>{error.Status} Server Error</h1></body></html>\n" : ScholarAnswers.InternalError);
                break;
            case Fault.EchoKey:
                (status, text) = (403, JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = $"Forbidden: the key '{key}' is not valid here" }));
                break;
        }

        lock (_gate)
        {
            _requests.Add(new FakeRequest(service, request.HttpMethod, path, request.Url.Query, key, request.UserAgent, body, _time.GetUtcNow(), status));
        }

        _log?.Invoke($"{service}: {request.HttpMethod} {path}{Shorten(request.Url.Query)} -> {status}{(fault is null ? "" : $" ({fault.GetType().Name})")}");
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = status is 429 or >= 500 && service == Arxiv ? "text/html; charset=utf-8" : contentType;
        response.ContentLength64 = bytes.Length;
        if (fault is Fault.Truncated)
        {
            await response.OutputStream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2)).ConfigureAwait(false);
            await response.OutputStream.FlushAsync().ConfigureAwait(false);
            response.Abort();
            return;
        }

        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
    }

    private static string Shorten(string query) => query.Length > 90 ? query[..87] + "..." : query;

    private (int, string, string) AnswerArxiv(HttpListenerRequest request)
    {
        const string atom = "application/atom+xml; charset=utf-8";
        var idList = request.QueryString["id_list"] ?? "";
        var ids = idList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.FirstOrDefault(id => !Read.ArxivId.TryParse(id, out _)) is { } bad)
        {
            return (400, atom, ArxivFeed.Error(bad));
        }

        var maxResults = int.TryParse(request.QueryString["max_results"], out var max) ? max : 10;
        var papers = ids.Select(id => Read.ArxivId.TryParse(id, out var canonical) ? _catalogue.ByArxivId(canonical) : null)
            .OfType<FakePaper>().Where(p => p.KnownToArxiv).ToList();
        return (200, atom, ArxivFeed.Of(papers, idList, maxResults));
    }

    private (int, string, string) AnswerScholar(HttpListenerRequest request, string path, string body)
    {
        const string json = "application/json";
        var fields = (request.QueryString["fields"] ?? "title").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        switch (request.HttpMethod, path[ScholarPath.Length..])
        {
            case ("POST", "/paper/batch"):
                if (ReadIds(body) is not { } ids)
                {
                    return (400, json, ScholarAnswers.Error("Unacceptable JSON: expected {\"ids\": [...]}"));
                }

                return ids.Count > 500
                    ? (400, json, ScholarAnswers.Error("Cannot process more than 500 paper ids at a time"))
                    : (200, json, ScholarAnswers.Batch([.. ids.Select(id => _catalogue.ByScholarKey(id) is { KnownToScholar: true } p ? p : null)], fields, _catalogue));
            case ("GET", "/paper/search/match"):
                return _catalogue.MatchTitle(request.QueryString["query"] ?? "") is { } match
                    ? (200, json, ScholarAnswers.Match(match.Paper, match.Score, fields, _catalogue))
                    : (404, json, ScholarAnswers.TitleMatchNotFound);
            default:
                return (404, json, ScholarAnswers.Error("Not found"));
        }
    }

    private static List<string>? ReadIds(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("ids", out var ids) && ids.ValueKind == JsonValueKind.Array
                ? [.. ids.EnumerateArray().Select(i => i.GetString() ?? "")]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
