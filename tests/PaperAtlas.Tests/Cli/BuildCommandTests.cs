using PaperAtlas.Cli;

namespace PaperAtlas.Tests.Cli;

public sealed partial class BuildCommandTests : IDisposable
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^built \d+ papers, \d+ files in \d+\.\d s → .+/\n$")]
    private static partial System.Text.RegularExpressions.Regex SummaryLine();

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Build_help_exits_0_and_mentions_base_url()
    {
        var run = CliRun.Of("build", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--base-url", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--output", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_writes_papers_json_and_exits_0()
    {
        var output = _temp.PathOf("site");

        var run = CliRun.Of("build", "--content", Paths.Content(), "--output", output);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("built ", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "papers.json")));
    }

    [Fact]
    public void Build_refuses_broken_content_exits_1_and_leaves_the_previous_site()
    {
        var content = _temp.CopyFrom(Paths.Content(), "content");
        var output = _temp.Write("site/papers.json", "previous");
        _temp.Write("content/lists/bad.md", Fixtures.Lines("---", "format: spreadsheet", "---"));

        var run = CliRun.Of("build", "--content", content, "--output", _temp.PathOf("site"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(" error PA102: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("build refused", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("previous", File.ReadAllText(output));
        run.AssertNoExceptionText();
    }

    [Fact]
    public void Build_with_timings_prints_each_stage()
    {
        var run = CliRun.Of("build", "--content", Paths.Content(), "--output", _temp.PathOf("site"), "--timings");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.StderrLines, l => l.StartsWith("load ", StringComparison.Ordinal) && l.EndsWith(" ms", StringComparison.Ordinal));
    }

    [Fact]
    public void Help_for_the_root_command_lists_build_and_check()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("build", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("check", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_ends_with_one_summary_line_of_papers_files_time_and_folder()
    {
        var output = _temp.PathOf("site");

        var run = CliRun.Of("build", "--content", Paths.Seed(), "--output", output);

        Assert.Matches(SummaryLine(), run.Stdout);
        Assert.EndsWith($" → {output.Replace('\\', '/')}/\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quiet_build_prints_nothing_but_still_builds()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var output = _temp.PathOf("site");

        // A terminal, so that only --quiet keeps the progress line away.
        var code = AtlasCommand.Run(["build", "--quiet", "--content", Path.Combine(Paths.Root, "tests", "PaperAtlas.Tests", "Fixtures", "site", "content"), "--output", output], new CliContext(stdout, stderr, _ => null, StderrIsTerminal: true));

        Assert.Equal(0, code);
        Assert.Equal("", stdout.ToString());
        Assert.DoesNotContain("building:", stderr.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
    }
}
