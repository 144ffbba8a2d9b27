using System.Collections.Immutable;
using System.Net;
using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using PaperAtlas.Normalise;

namespace PaperAtlas.Metadata;

/// <summary>
/// <c>atlas fetch</c>: asks Semantic Scholar and arXiv about the atlas's papers (the papers the pipeline finds in every
/// list and paper file) and stores what they say under <c>content/metadata/</c>. Semantic Scholar is asked first, so
/// that a paper the lists name without an arXiv link (found by DOI or, certainly, by title) is asked of arXiv too. A
/// request that fails after every retry costs only its own papers: what was fetched is written, and the report says
/// what is missing.
/// </summary>
public static class MetadataFetcher
{
    public const string ArxivService = "arXiv";
    public const string ScholarService = "Semantic Scholar";

    /// <summary>A paper known only by its title is looked up by it when the title has at least this many content words.</summary>
    private const int TitleWordsToMatch = 3;

    private const long MaxAnswerBytes = 64L * 1024 * 1024;

    public static async Task<FetchReport> Fetch(FetchOptions options, Action<string> log, CancellationToken cancel = default)
    {
        var analysis = SiteBuilder.Analyse(options.ContentPath);
        var diagnostics = new DiagnosticBag();
        var stored = MetadataStore.Load(options.ContentPath, diagnostics);
        var papers = analysis.Graph.Papers;
        if (analysis.HasErrors)
        {
            log($"the content has {analysis.Diagnostics.Count(d => d.Severity == Severity.Error)} error(s) (`atlas check` lists them): asking about the papers it could read");
        }

        log($"{papers.Length} papers in the atlas ({papers.Count(p => p.ArxivId is not null)} with an arXiv id), {stored.Count} with a stored record"
            + (options.Refresh ? "; asking about every paper again" : "; asking about those without one"));

        using var http = CreateHttp(options, analysis.Content.Settings.SiteUrl);
        string[] secrets = options.ScholarApiKey is { Length: > 0 } key ? [key] : [];
        var scholar = new ScholarClient(new ServiceCaller(ScholarService, http, options.ScholarPace, options.Time, log, secrets), options.ScholarApi, options.ScholarApiKey);
        var arxiv = new ArxivClient(new ServiceCaller(ArxivService, http, options.ArxivPace, options.Time, log, secrets), options.ArxivApi);

        var scholarAnswers = new Dictionary<string, ScholarRecord>(StringComparer.Ordinal);
        var arxivAnswers = new Dictionary<string, ArxivRecord>(StringComparer.Ordinal);
        var missing = new List<MissingMetadata>();
        try
        {
            await AskScholar(scholar, papers.Where(p => options.Refresh || stored.Find(p.Id)?.Scholar is null).ToList(), stored, scholarAnswers, missing, log, cancel).ConfigureAwait(false);
            var arxivIds = papers
                .Select(p => (Paper: p, ArxivId: p.ArxivId ?? scholarAnswers.GetValueOrDefault(p.Id)?.ArxivId ?? stored.Find(p.Id)?.Scholar?.ArxivId))
                .Where(x => x.ArxivId is not null && (options.Refresh || stored.Find(x.Paper.Id)?.Arxiv is null))
                .Select(x => (x.Paper, x.ArxivId!))
                .ToList();
            await AskArxiv(arxiv, arxivIds, arxivAnswers, missing, log, cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            log("stopped: writing what was fetched so far");
        }

        var (created, changed, unchanged) = Write(options.ContentPath, papers, stored, arxivAnswers, scholarAnswers);
        var ids = papers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return new FetchReport(papers.Length, created, changed, unchanged,
            [.. missing.OrderBy(m => m.PaperId, StringComparer.Ordinal).ThenBy(m => m.Service, StringComparer.Ordinal)],
            [.. stored.Records.Select(r => r.Id).Where(id => !ids.Contains(id))],
            diagnostics.ToSortedList());
    }

    private static HttpClient CreateHttp(FetchOptions options, string? siteUrl)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.RequestTimeout,
            // A redirect would carry the x-api-key header to wherever it points: a moved service is reported instead.
            AllowAutoRedirect = false,
        };
        var http = new HttpClient(handler) { Timeout = options.RequestTimeout, MaxResponseContentBufferSize = MaxAnswerBytes };

        // arXiv asks API clients to say who they are; the site's address (site.yml `url`) says whose atlas asks.
        var about = siteUrl is { Length: > 0 } ? $"; +{siteUrl}" : "";
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", $"PaperAtlas/1.0 (atlas fetch: paper metadata for a curated reading list, one request at a time{about})");
        return http;
    }

    /// <summary>Semantic Scholar, in batches by arXiv id, Semantic Scholar id or DOI; a paper with none of them by its title.</summary>
    private static async Task AskScholar(ScholarClient scholar, List<Paper> wanted, PaperMetadataSet stored,
        Dictionary<string, ScholarRecord> answers, List<MissingMetadata> missing, Action<string> log, CancellationToken cancel)
    {
        var byId = wanted.Select(p => (Paper: p, Key: BatchKey(p, stored.Find(p.Id)))).Where(x => x.Key is not null).ToList();
        var byTitle = new List<Paper>();
        foreach (var paper in wanted.Where(p => BatchKey(p, stored.Find(p.Id)) is null))
        {
            if (TitleKey.Words(paper.Title).Count >= TitleWordsToMatch)
            {
                byTitle.Add(paper);
            }
            else
            {
                missing.Add(new MissingMetadata(paper.Id, ScholarService,
                    $"'{paper.Title}' is too short a title to find the paper by with certainty; not asked (give the paper a DOI or an arXiv link)", Failed: false));
            }
        }

        if (byId.Count + byTitle.Count > 0)
        {
            log($"{ScholarService}: asking about {Papers(byId.Count + byTitle.Count)}: "
                + string.Join(", ", new[] { byId.Count > 0 ? $"{byId.Count} by id in {Batches(byId.Count, ScholarClient.BatchSize)}" : null, byTitle.Count > 0 ? $"{byTitle.Count} by title" : null }.OfType<string>()));
        }

        foreach (var batch in byId.Chunk(ScholarClient.BatchSize))
        {
            var result = await scholar.Batch([.. batch.Select(x => x.Key!)], cancel).ConfigureAwait(false);
            for (var i = 0; i < batch.Length; i++)
            {
                if (result.Failure is { } failure)
                {
                    missing.Add(new MissingMetadata(batch[i].Paper.Id, ScholarService, failure, Failed: true));
                }
                else if (result.Value![i] is { } record)
                {
                    answers[batch[i].Paper.Id] = record;
                }
                else
                {
                    missing.Add(new MissingMetadata(batch[i].Paper.Id, ScholarService, $"{ScholarService} does not know {batch[i].Key}", Failed: false));
                }
            }
        }

        foreach (var paper in byTitle)
        {
            var result = await scholar.MatchTitle(paper.Title, cancel).ConfigureAwait(false);
            if (result.Failure is { } failure)
            {
                missing.Add(new MissingMetadata(paper.Id, ScholarService, failure, Failed: true));
            }
            else if (result.Value is not { } match)
            {
                missing.Add(new MissingMetadata(paper.Id, ScholarService, $"no paper titled '{paper.Title}'", Failed: false));
            }
            else if (!IsCertainly(paper, match))
            {
                missing.Add(new MissingMetadata(paper.Id, ScholarService,
                    $"the closest title, '{match.Title}'{(match.Year is { } year ? $" ({year})" : "")}, is not certainly this paper; not stored", Failed: false));
            }
            else
            {
                answers[paper.Id] = match;
            }
        }
    }

    /// <summary>How Semantic Scholar's batch call names the paper: by arXiv id, by its own id from an earlier fetch, or by DOI.</summary>
    private static string? BatchKey(Paper paper, PaperMetadata? stored) =>
        paper.ArxivId is { } arxiv ? "ARXIV:" + arxiv
        : stored?.Scholar?.PaperId is { } paperId ? paperId
        : paper.Doi is { } doi ? "DOI:" + doi
        : null;

    /// <summary>A title match is kept only when the titles are the same title and the years (when both are known) agree.</summary>
    private static bool IsCertainly(Paper paper, ScholarRecord match) =>
        match.Title is { } title && TitleKey.Of(title) == TitleKey.Of(paper.Title)
        && (paper.Year is not { } year || match.Year is not { } matchYear || Math.Abs(year - matchYear) <= 1);

    private static async Task AskArxiv(ArxivClient arxiv, List<(Paper Paper, string ArxivId)> wanted,
        Dictionary<string, ArxivRecord> answers, List<MissingMetadata> missing, Action<string> log, CancellationToken cancel)
    {
        if (wanted.Count > 0)
        {
            log($"{ArxivService}: asking about {Papers(wanted.Count)} in {Batches(wanted.Count, ArxivClient.BatchSize)}");
        }

        foreach (var batch in wanted.Chunk(ArxivClient.BatchSize))
        {
            var result = await arxiv.Fetch([.. batch.Select(x => x.ArxivId).Distinct(StringComparer.Ordinal)], cancel).ConfigureAwait(false);
            foreach (var (paper, id) in batch)
            {
                if (result.Failure is { } failure)
                {
                    missing.Add(new MissingMetadata(paper.Id, ArxivService, failure, Failed: true));
                }
                else if (result.Value!.TryGetValue(id, out var record))
                {
                    answers[paper.Id] = record;
                }
                else
                {
                    missing.Add(new MissingMetadata(paper.Id, ArxivService, $"{ArxivService} does not know {id}", Failed: false));
                }
            }
        }
    }

    private static string Papers(int count) => count == 1 ? "1 paper" : $"{count} papers";

    private static string Batches(int count, int size) => (count + size - 1) / size is var n && n == 1 ? "1 request" : $"{n} requests";

    /// <summary>
    /// Writes the record of every paper something was fetched for: what was fetched now, and for the part not asked
    /// about (or not answered) what was stored before. Records nothing was fetched for stay as they are.
    /// </summary>
    private static (int Created, int Changed, int Unchanged) Write(string contentPath, ImmutableArray<Paper> papers, PaperMetadataSet stored,
        Dictionary<string, ArxivRecord> arxiv, Dictionary<string, ScholarRecord> scholar)
    {
        var (created, changed, unchanged) = (0, 0, 0);
        foreach (var paper in papers.Where(p => arxiv.ContainsKey(p.Id) || scholar.ContainsKey(p.Id)))
        {
            var old = stored.Find(paper.Id);
            var record = new PaperMetadata(paper.Id, arxiv.GetValueOrDefault(paper.Id) ?? old?.Arxiv, scholar.GetValueOrDefault(paper.Id) ?? old?.Scholar, default);
            var file = stored.FileOf(paper.Id) ?? MetadataStore.FileNameFor(paper.Slug);
            if (!MetadataStore.Save(contentPath, file, record))
            {
                unchanged++;
            }
            else if (old is null)
            {
                created++;
            }
            else
            {
                changed++;
            }
        }

        return (created, changed, unchanged);
    }
}
