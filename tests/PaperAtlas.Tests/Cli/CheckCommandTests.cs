using System.Text.RegularExpressions;

namespace PaperAtlas.Tests.Cli;

public sealed partial class CheckCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _content;

    public CheckCommandTests()
    {
        _content = _temp.CopyFrom(Paths.Seed(), "content");
    }

    [GeneratedRegex(@"^(?<file>.+):(?<line>\d+):(?<col>\d+): (?<severity>error|warning|info) (?<code>PA\d{3}): \S")]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@"^::error file=(?<file>[^,]+),line=(?<line>\d+),col=(?<col>\d+)(?:,title=(?<code>PA\d{3}))?::\S")]
    private static partial Regex GithubError();

    private string ListPath(string name) => Path.Combine(_content, "lists", name);

    private string Shown(string relative) => _content.Replace('\\', '/') + "/" + relative;

    public void Dispose() => _temp.Dispose();

    /// <summary>Breaks the copy three ways: front-matter YAML, a table row's cells, and a section heading with no topic.</summary>
    private void BreakContent()
    {
        var freshman = File.ReadAllLines(ListPath("llmfreshman.md"));
        freshman[2] = "description: broken: yaml";                                              // line 3
        freshman[18] = "| **BLIP** | [arXiv:2201.12086](https://arxiv.org/abs/2201.12086) |";     // line 19
        File.WriteAllLines(ListPath("llmfreshman.md"), freshman);
        _temp.Write("content/lists/extra.md", Fixtures.Lines(
            "---",
            "title: Extra",
            "---",
            "## Cooking Recipes",
            "| 技术 | 论文标题 | arXiv链接 |",
            "|------|----------|-----------|",
            "| **DPO** | Direct Preference Optimization | [arXiv:2305.18290](https://arxiv.org/abs/2305.18290) |"));
    }

    [Fact]
    public void Check_on_the_seed_content_exits_0_and_summarises()
    {
        var run = CliRun.Of("check", "--content", _content);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("papers from 4 lists", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(" 0 error(s)", run.Stdout, StringComparison.Ordinal);
        Assert.All(run.StderrLines, line => Assert.Matches(DiagnosticLine(), line));
    }

    [Fact]
    public void Check_on_broken_content_exits_1()
    {
        BreakContent();

        Assert.Equal(1, CliRun.Of("check", "--content", _content).ExitCode);
    }

    [Fact]
    public void Check_prints_each_error_as_file_line_col_severity_code()
    {
        BreakContent();

        var lines = CliRun.Of("check", "--content", _content).StderrLines;

        Assert.Contains($"{Shown("lists/llmfreshman.md")}:3:", lines.Single(l => l.Contains(" error PA101: ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith($"{Shown("lists/llmfreshman.md")}:19:", lines.Single(l => l.Contains(" error PA202: ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith($"{Shown("lists/extra.md")}:4:1: warning PA303: ", lines.Single(l => l.Contains(" PA303: ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.All(lines, line => Assert.Matches(DiagnosticLine(), line));
    }

    [Fact]
    public void Check_on_broken_content_prints_no_exception_text()
    {
        BreakContent();

        CliRun.Of("check", "--content", _content).AssertNoExceptionText();
    }

    [Fact]
    public void Check_counts_errors_in_its_summary()
    {
        BreakContent();

        Assert.Contains(" 2 error(s)", CliRun.Of("check", "--content", _content).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_with_github_format_prints_error_annotations()
    {
        BreakContent();

        var run = CliRun.Of("check", "--content", _content, "--format", "github");

        Assert.Equal(1, run.ExitCode);
        var errors = run.StderrLines.Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, line => Assert.Matches(GithubError(), line));
        var table = errors.Select(l => GithubError().Match(l)).Single(m => m.Groups["line"].Value == "19");
        Assert.Equal(Shown("lists/llmfreshman.md"), table.Groups["file"].Value);
        Assert.Contains(run.StderrLines, l => l.StartsWith("::warning file=", StringComparison.Ordinal));
        run.AssertNoExceptionText();
    }

    [Fact]
    public void Check_on_a_missing_content_folder_exits_1_without_exception_text()
    {
        var run = CliRun.Of("check", "--content", _temp.PathOf("missing"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(" error PA100: ", run.Stderr, StringComparison.Ordinal);
        run.AssertNoExceptionText();
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var run = CliRun.Of("check", "--no-such-option");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--no-such-option", run.Stderr, StringComparison.Ordinal);
        run.AssertNoExceptionText();
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error_with_exit_code_2()
    {
        Assert.Equal(2, CliRun.Of("check", "--content", _content, "--format", "xml").ExitCode);
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error_with_exit_code_2()
    {
        Assert.Equal(2, CliRun.Of("publish").ExitCode);
    }
}
