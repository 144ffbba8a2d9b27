using System.CommandLine;
using PaperAtlas.Contribute;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Cli;

/// <summary>
/// The command line: parses arguments and prints; all logic is in the library. Exit codes:
/// 0 ok, 1 content errors (and, with `check --strict`, warnings), 2 usage errors.
/// </summary>
public static class AtlasCommand
{
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;

    /// <summary>The environment variable GitHub Actions names the job summary file with.</summary>
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    /// <param name="environment">Reads environment variables (GITHUB_STEP_SUMMARY); the process's own when null.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var content = new Option<string>("--content") { Description = "The content folder (lists/, papers/, topics.yml, site.yml)", DefaultValueFactory = _ => "content" };
        var output = new Option<string>("--output") { Description = "Where the site is written", DefaultValueFactory = _ => "site" };
        var baseUrl = new Option<string?>("--base-url") { Description = "The path the site is served under, e.g. /paper-atlas/, or its whole address (https://octocat.github.io/paper-atlas/) to make the sitemap, feed and canonical links absolute" };
        var templates = new Option<string?>("--templates") { Description = "A theme folder to use instead of templates/" };
        var format = new Option<string>("--format") { Description = "Diagnostics as `text` (grouped by file) or `github` (workflow annotations)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "github");
        var timings = new Option<bool>("--timings") { Description = "Print how long each pipeline stage took" };
        var verbose = new Option<bool>("--verbose") { Description = "Print every diagnostic; without it, many of one kind in one list are summarised" };
        IReadOnlyList<Diagnostic> Shown(ParseResult parse, IReadOnlyList<Diagnostic> all) =>
            parse.GetValue(verbose) ? all : Normalise.DiagnosticSummary.Summarise(all);

        var build = new Command("build", "Build the site from the content into the output folder") { content, output, baseUrl, templates, timings, verbose };
        build.SetAction(parse =>
        {
            var result = SiteBuilder.Build(new BuildOptions(parse.GetValue(content)!, parse.GetValue(output)!, parse.GetValue(baseUrl), parse.GetValue(templates)));
            DiagnosticPrinter.Print(Shown(parse, result.Analysis.Diagnostics), "text", stderr);
            if (parse.GetValue(timings))
            {
                foreach (var timing in result.Timings)
                {
                    stderr.WriteLine($"{timing.Stage,-14} {timing.Elapsed.TotalMilliseconds,9:F1} ms   cpu {timing.Cpu.TotalMilliseconds,9:F1} ms");
                }
            }

            if (!result.Written)
            {
                stderr.WriteLine("build refused: fix the errors above; the previous site was left as it was");
                return ContentErrors;
            }

            stdout.WriteLine($"built {result.Analysis.Graph.Papers.Length} papers, {result.Files} files into {parse.GetValue(output)}");
            return Ok;
        });

        var strict = new Option<bool>("--strict") { Description = $"Fail (exit 1) on warnings too, except those accepted in {AcceptedWarnings.FileName}" };
        var changedFrom = new Option<string?>("--changed-from") { Description = "A git ref (e.g. origin/main): diagnostics about the files changed since the branch left it come first" };
        var summary = new Option<string?>("--summary") { Description = $"Append every diagnostic as a Markdown table to this file (default with --format github: ${StepSummaryVariable})" };
        var check = new Command("check", "Check the content and print diagnostics; exit 1 when any is an error (or, with --strict, a warning)") { content, format, strict, changedFrom, summary, verbose };
        check.SetAction(parse =>
        {
            var contentPath = parse.GetValue(content)!;
            var githubFormat = parse.GetValue(format) == "github";
            var analysis = SiteBuilder.Analyse(contentPath);
            var (diagnostics, accepted) = AcceptedWarnings.Apply(contentPath, analysis.Diagnostics);
            var shown = Shown(parse, diagnostics);
            ChangedFiles? changed = null;
            if (parse.GetValue(changedFrom) is { } gitRef)
            {
                changed = ChangedFiles.Since(gitRef, contentPath, out var gitError);
                if (changed is null)
                {
                    // The diagnostics still all print, in file order; the run says why they are not sorted by the change.
                    stderr.WriteLine((githubFormat ? "::warning title=atlas check::" : "atlas check: ") + $"cannot tell which files changed since {gitRef} ({gitError}); diagnostics are in file order");
                }
                else
                {
                    shown = changed.First(shown);
                }
            }

            DiagnosticPrinter.Print(shown, parse.GetValue(format)!, stderr);
            var errors = diagnostics.Count(d => d.Severity == Severity.Error);
            var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
            var counts = $"{errors} error(s), {warnings} warning(s)" + (accepted > 0 ? $", {accepted} accepted" : "");
            stdout.WriteLine($"{analysis.Graph.Papers.Length} papers from {analysis.Content.Lists.Length} lists and {analysis.Content.Papers.Length} paper files: {counts}");
            var failed = errors > 0 || (parse.GetValue(strict) && warnings > 0);
            if (parse.GetValue(strict) && errors == 0 && warnings > 0)
            {
                stderr.WriteLine($"check --strict: {warnings} warning(s) fail the check; fix them, or accept a list author's warning in {AcceptedWarnings.FileName} (see CONTRIBUTING.md)");
            }

            if ((parse.GetValue(summary) ?? (githubFormat ? environment(StepSummaryVariable) : null)) is { Length: > 0 } summaryFile)
            {
                var headline = (failed ? "Failed" : "Passed") + $": {counts}, in {analysis.Graph.Papers.Length} papers.";
                File.AppendAllText(summaryFile, DiagnosticPrinter.Markdown(changed?.First(diagnostics) ?? diagnostics, changed, headline));
            }

            return failed ? ContentErrors : Ok;
        });

        var port = new Option<int>("--port") { Description = "The port to serve on (127.0.0.1 only)", DefaultValueFactory = _ => 8080 };
        var serve = new Command("serve", "Build, serve on 127.0.0.1, and rebuild and reload open pages when content or templates change") { content, output, templates, port };
        serve.SetAction(parse =>
        {
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
            using var server = new PreviewServer(new BuildOptions(parse.GetValue(content)!, parse.GetValue(output)!, "/", parse.GetValue(templates)), parse.GetValue(port), stderr);
            return server.Run(cancel.Token);
        });

        var idArgument = new Argument<string>("arxiv-id-or-url") { Description = "An arXiv id (2501.12948) or arXiv URL" };
        var create = new Command("new", "Write content/papers/<id>.md from a commented template (no network needed)") { idArgument, content };
        create.SetAction(parse =>
        {
            var contentPath = parse.GetValue(content)!;
            var analysis = SiteBuilder.Analyse(contentPath);
            var scaffold = Contribute.PaperScaffold.Create(parse.GetValue(idArgument)!, contentPath, analysis.Graph);
            if (scaffold.Error is not null)
            {
                stderr.WriteLine($"atlas new: {scaffold.Error}");
                return UsageError;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(scaffold.Path)!);
            File.WriteAllText(scaffold.Path!, scaffold.Text);
            stdout.WriteLine($"wrote {scaffold.Path!.Replace('\\', '/')}: fill in the fields, then run `atlas check`");
            return Ok;
        });

        var linksOutput = new Option<string>("--output") { Description = "The built site to check", DefaultValueFactory = _ => "site" };
        var linksBase = new Option<string>("--base-url") { Description = "The base URL the site was built with (a path or a whole address)", DefaultValueFactory = _ => "/" };
        var links = new Command("links", "Check that every internal link of a built site resolves (offline)") { linksOutput, linksBase };
        links.SetAction(parse =>
        {
            var broken = Write.LinkChecker.Check(parse.GetValue(linksOutput)!, parse.GetValue(linksBase)!);
            foreach (var link in broken)
            {
                stderr.WriteLine(link);
            }

            stdout.WriteLine($"{broken.Count} broken internal link(s)");
            return broken.Count == 0 ? Ok : ContentErrors;
        });

        var root = new RootCommand("Paper Atlas: builds a searchable static site from curated Markdown paper lists") { build, check, serve, create, links, Commands.FetchCommand.Create(stdout, stderr, environment) };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"atlas: {error.Message}");
            }

            stderr.WriteLine("run `atlas --help` for usage");
            return UsageError;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"atlas: {ex.Message}");
            return ContentErrors;
        }
    }
}
