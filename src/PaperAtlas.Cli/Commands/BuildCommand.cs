using System.CommandLine;
using System.Diagnostics;

namespace PaperAtlas.Cli.Commands;

/// <summary>`atlas build`: the site, with diagnostics, then one summary line (and a progress line while a long build runs).</summary>
internal static class BuildCommand
{
    public static Command Create(CliContext cli)
    {
        var content = CommonOptions.Content();
        var output = CommonOptions.Output();
        var baseUrl = CommonOptions.BaseUrl();
        var templates = CommonOptions.Templates();
        var drafts = CommonOptions.Drafts("Build");
        var timings = new Option<bool>("--timings") { Description = "Print how long each pipeline stage took" };
        var verbose = CommonOptions.Verbose();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print diagnostics only: no progress and no summary line" };
        var command = new Command("build", "Build the site from the content into the output folder") { content, output, baseUrl, templates, drafts, timings, verbose, quiet };
        command.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(content)!, parse.GetValue(output)!, parse.GetValue(baseUrl), parse.GetValue(templates), Drafts: parse.GetValue(drafts));
            var silent = parse.GetValue(quiet);
            var progress = new BuildProgress();
            var start = Stopwatch.GetTimestamp();
            BuildResult result;
            using (cli.StderrIsTerminal && !silent ? new ProgressLine(progress, cli.Stderr, ProgressLine.ShowAfter, TimeSpan.FromMilliseconds(250)) : null)
            {
                result = SiteBuilder.Build(options, progress);
            }

            var elapsed = Stopwatch.GetElapsedTime(start);
            DiagnosticPrinter.Print(parse.Shown(verbose, result.Analysis.Diagnostics), "text", cli.Stderr);
            if (parse.GetValue(timings))
            {
                foreach (var timing in result.Timings)
                {
                    cli.Stderr.WriteLine($"{timing.Stage,-14} {timing.Elapsed.TotalMilliseconds,9:F1} ms   cpu {timing.Cpu.TotalMilliseconds,9:F1} ms");
                }
            }

            if (!result.Written)
            {
                cli.Stderr.WriteLine("build refused: fix the errors above; the previous site was left as it was");
                return AtlasCommand.ContentErrors;
            }

            if (!silent)
            {
                cli.Stdout.WriteLine(Summary(result, elapsed, options.OutputPath));
            }

            return AtlasCommand.Ok;
        });
        return command;
    }

    /// <summary>The line every build ends with, e.g. <c>built 104 papers, 173 files in 1.4 s → site/</c>.</summary>
    public static string Summary(BuildResult result, TimeSpan elapsed, string output) =>
        $"built {result.Analysis.Graph.Papers.Length} papers, {result.Files} files in {elapsed.TotalSeconds:F1} s → {output.Replace('\\', '/').TrimEnd('/')}/";
}
