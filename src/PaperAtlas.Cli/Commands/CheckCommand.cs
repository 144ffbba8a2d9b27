using System.CommandLine;
using PaperAtlas.Contribute;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Cli.Commands;

/// <summary>`atlas check`: diagnostics only, for contributors and CI; exit 1 on errors (with --strict, on warnings too).</summary>
internal static class CheckCommand
{
    /// <summary>The environment variable GitHub Actions names the job summary file with.</summary>
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    public static Command Create(CliContext cli)
    {
        var content = CommonOptions.Content();
        var format = new Option<string>("--format") { Description = "Diagnostics as `text` (grouped by file) or `github` (workflow annotations)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "github");
        var strict = new Option<bool>("--strict") { Description = $"Fail (exit 1) on warnings too, except those accepted in {AcceptedWarnings.FileName}" };
        var changedFrom = new Option<string?>("--changed-from") { Description = "A git ref (e.g. origin/main): diagnostics about the files changed since the branch left it come first" };
        var summary = new Option<string?>("--summary") { Description = $"Append every diagnostic as a Markdown table to this file (default with --format github: ${StepSummaryVariable})" };
        var drafts = CommonOptions.Drafts("Check");
        var verbose = CommonOptions.Verbose();
        var command = new Command("check", "Check the content and print diagnostics; exit 1 when any is an error (or, with --strict, a warning)") { content, format, strict, changedFrom, summary, drafts, verbose };
        command.SetAction(parse =>
        {
            var contentPath = parse.GetValue(content)!;
            var githubFormat = parse.GetValue(format) == "github";
            var analysis = SiteBuilder.Analyse(contentPath, drafts: parse.GetValue(drafts));
            var diagnostics = analysis.Diagnostics;
            var shown = parse.Shown(verbose, diagnostics);
            ChangedFiles? changed = null;
            if (parse.GetValue(changedFrom) is { } gitRef)
            {
                changed = ChangedFiles.Since(gitRef, contentPath, out var gitError);
                if (changed is null)
                {
                    // The diagnostics still all print, in file order; the run says why they are not sorted by the change.
                    cli.Stderr.WriteLine((githubFormat ? "::warning title=atlas check::" : "atlas check: ") + $"cannot tell which files changed since {gitRef} ({gitError}); diagnostics are in file order");
                }
                else
                {
                    shown = changed.First(shown);
                }
            }

            DiagnosticPrinter.Print(shown, parse.GetValue(format)!, cli.Stderr);
            var errors = diagnostics.Count(d => d.Severity == Severity.Error);
            var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
            var counts = $"{errors} error(s), {warnings} warning(s)" + (analysis.AcceptedWarnings > 0 ? $", {analysis.AcceptedWarnings} accepted" : "");
            cli.Stdout.WriteLine($"{analysis.Graph.Papers.Length} papers from {analysis.ListFiles} lists and {analysis.PaperFiles} paper files: {counts}");
            var failed = errors > 0 || (parse.GetValue(strict) && warnings > 0);
            if (parse.GetValue(strict) && errors == 0 && warnings > 0)
            {
                cli.Stderr.WriteLine($"check --strict: {warnings} warning(s) fail the check; fix them, or accept a list author's warning in {AcceptedWarnings.FileName} (see CONTRIBUTING.md)");
            }

            if ((parse.GetValue(summary) ?? (githubFormat ? cli.Environment(StepSummaryVariable) : null)) is { Length: > 0 } summaryFile)
            {
                var headline = (failed ? "Failed" : "Passed") + $": {counts}, in {analysis.Graph.Papers.Length} papers.";
                File.AppendAllText(summaryFile, DiagnosticPrinter.Markdown(changed?.First(diagnostics) ?? diagnostics, changed, headline));
            }

            return failed ? AtlasCommand.ContentErrors : AtlasCommand.Ok;
        });
        return command;
    }
}
