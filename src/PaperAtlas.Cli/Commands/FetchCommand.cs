using System.CommandLine;
using PaperAtlas.Metadata;

namespace PaperAtlas.Cli.Commands;

/// <summary>
/// <c>atlas fetch</c>: stores what arXiv and Semantic Scholar say about the atlas's papers under content/metadata/.
/// Progress and what is missing go to stderr, the summary to stdout. Exit 0 when every request was answered (a paper a
/// service does not know is an answer), 1 when some failed after every retry (what was fetched is kept), 2 on usage errors.
/// </summary>
public static class FetchCommand
{
    /// <summary>The environment variable the Semantic Scholar API key is read from; its value is never printed.</summary>
    public const string ApiKeyVariable = "S2_API_KEY";

    /// <param name="environment">Reads S2_API_KEY.</param>
    /// <param name="time">The clock every wait is measured on (the system's when null; tests pass a virtual one).</param>
    public static Command Create(TextWriter stdout, TextWriter stderr, Func<string, string?> environment, TimeProvider? time = null)
    {
        var content = new Option<string>("--content") { Description = "The content folder (lists/, papers/, topics.yml, site.yml)", DefaultValueFactory = _ => "content" };
        var onlyMissing = new Option<bool>("--only-missing") { Description = "Ask only about papers without a record, or without one service's part of it (the default)" };
        var refresh = new Option<bool>("--refresh") { Description = "Ask about every paper again and rewrite the records whose answers changed" };
        var arxivApi = new Option<string>("--arxiv-api") { Description = "arXiv's API query endpoint", DefaultValueFactory = _ => FetchOptions.DefaultArxivApi };
        var scholarApi = new Option<string>("--s2-api") { Description = "The Semantic Scholar Graph API's base (the batch call is POST {s2-api}/paper/batch)", DefaultValueFactory = _ => FetchOptions.DefaultScholarApi };
        var command = new Command("fetch", $"Store arXiv and Semantic Scholar metadata about the atlas's papers in content/{MetadataStore.Folder}/ (Semantic Scholar's API key from ${ApiKeyVariable})")
        {
            content, onlyMissing, refresh, arxivApi, scholarApi,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(onlyMissing) && parse.GetValue(refresh))
            {
                stderr.WriteLine("atlas fetch: --only-missing and --refresh ask for opposite things; pass one");
                return AtlasCommand.UsageError;
            }

            if (Endpoint(parse.GetValue(arxivApi)!, "--arxiv-api", stderr) is not { } arxiv || Endpoint(parse.GetValue(scholarApi)!, "--s2-api", stderr) is not { } scholar)
            {
                return AtlasCommand.UsageError;
            }

            var key = environment(ApiKeyVariable);
            stderr.WriteLine(key is { Length: > 0 }
                ? $"using the Semantic Scholar API key from ${ApiKeyVariable}"
                : $"no ${ApiKeyVariable}: Semantic Scholar shares its rate limit among every caller without a key, so expect 429s and waits");
            var options = new FetchOptions(parse.GetValue(content)!)
            {
                ArxivApi = arxiv,
                ScholarApi = scholar,
                Refresh = parse.GetValue(refresh),
                ScholarApiKey = key,
                Time = time ?? TimeProvider.System,
            };

            using var cancel = new CancellationTokenSource();
            void Stop(object? sender, ConsoleCancelEventArgs e)
            {
                e.Cancel = true;
                cancel.Cancel();
            }

            Console.CancelKeyPress += Stop;
            FetchReport report;
            try
            {
                report = MetadataFetcher.Fetch(options, stderr.WriteLine, cancel.Token).GetAwaiter().GetResult();
            }
            finally
            {
                Console.CancelKeyPress -= Stop;
            }

            Print(report, parse.GetValue(content)!, stdout, stderr);
            return report.Failed ? AtlasCommand.ContentErrors : AtlasCommand.Ok;
        });
        return command;
    }

    private static Uri? Endpoint(string text, string option, TextWriter stderr)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        stderr.WriteLine($"atlas fetch: {option} '{text}' is not an http(s) address");
        return null;
    }

    private static void Print(FetchReport report, string contentPath, TextWriter stdout, TextWriter stderr)
    {
        DiagnosticPrinter.Print(report.Diagnostics, "text", stderr);
        foreach (var missing in report.Missing)
        {
            stderr.WriteLine($"{(missing.Failed ? "not fetched" : "not found")}: {missing.PaperId} from {missing.Service}: {missing.Why}");
        }

        if (report.Stale.Length > 0)
        {
            stderr.WriteLine($"{report.Stale.Length} stored record(s) name no paper of the atlas any more ({string.Join(", ", report.Stale)}): delete them if the papers left for good");
        }

        var folder = $"{contentPath.TrimEnd('/', '\\')}/{MetadataStore.Folder}";
        var failed = report.Missing.Where(m => m.Failed).Select(m => m.PaperId).Distinct(StringComparer.Ordinal).Count();
        var lacking = report.Missing.Select(m => m.PaperId).Distinct(StringComparer.Ordinal).Count();
        stdout.WriteLine($"{report.Papers} papers: {report.Created} new record(s), {report.Changed} changed, {report.Unchanged} unchanged in {folder}"
            + (lacking > 0 ? $"; {lacking} paper(s) lack something" : "")
            + (failed > 0 ? $", {failed} because a request failed: run `atlas fetch` again later" : ""));
    }
}
