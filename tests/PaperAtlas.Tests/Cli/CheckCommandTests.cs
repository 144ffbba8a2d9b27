using System.Text.RegularExpressions;
using PaperAtlas.Diagnostics;

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

    /// <summary>Accepts every warning the content gives now, one entry each, matching its whole message.</summary>
    private void AcceptEveryWarning()
    {
        var warnings = SiteBuilder.Analyse(_content).Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();
        Assert.NotEmpty(warnings);
        var entries = warnings.SelectMany(w => new[]
        {
            $"  - file: {w.Location.File[(Shown("").Length)..]}",
            $"    code: {w.Code}",
            $"    match: '{w.Message.Replace("'", "''", StringComparison.Ordinal)}'",
            "    reason: the list's author wrote it so",
        });
        _temp.Write("content/" + AcceptedWarnings.FileName, Fixtures.Lines(["accepted:", .. entries]));
    }

    /// <summary>Adds a paper file whose `year` (line 4) is an error, as a contributor might write it.</summary>
    private void AddPaperWithYearSoon() =>
        _temp.Write("content/papers/2501.12948.md", Fixtures.Lines("---", "id: \"2501.12948\"", "title: \"DeepSeek-R1\"", "year: soon", "---"));

    [Fact]
    public void Strict_fails_on_a_warning_no_one_accepted_and_says_why()
    {
        var run = CliRun.Of("check", "--content", _content, "--strict");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(" 0 error(s)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(run.StderrLines, l => l.StartsWith("check --strict: ", StringComparison.Ordinal) && l.Contains(AcceptedWarnings.FileName, StringComparison.Ordinal));
    }

    [Fact]
    public void Strict_passes_when_every_warning_is_accepted_and_shows_them_as_info()
    {
        AcceptEveryWarning();

        var run = CliRun.Of("check", "--content", _content, "--strict");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(" 0 warning(s), ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(" accepted", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(run.StderrLines, l => l.Contains(" info PA302: ", StringComparison.Ordinal) && l.Contains($"accepted in {Shown(AcceptedWarnings.FileName)}: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Strict_still_fails_on_a_new_warning_in_a_list_whose_other_warnings_are_accepted()
    {
        AcceptEveryWarning();
        var timeline = File.ReadAllLines(ListPath("llm-paper-timeline.md")).ToList();
        timeline.Insert(12, "| 2019 | [DeepSeek-R1](https://arxiv.org/abs/2501.12948) | 推理 | |");
        File.WriteAllLines(ListPath("llm-paper-timeline.md"), timeline);

        var run = CliRun.Of("check", "--content", _content, "--strict");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.StderrLines, l => l.Contains(" warning PA302: ", StringComparison.Ordinal) && l.Contains("2501.12948", StringComparison.Ordinal));
    }

    [Fact]
    public void A_paper_file_with_year_soon_is_an_error_annotation_on_its_line_and_a_row_of_the_summary()
    {
        AddPaperWithYearSoon();
        var summary = _temp.PathOf("summary.md");

        var run = CliRun.Of("check", "--content", _content, "--format", "github", "--summary", summary);

        Assert.Equal(1, run.ExitCode);
        var error = GithubError().Match(Assert.Single(run.StderrLines, l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal((Shown("papers/2501.12948.md"), "4", "PA102"), (error.Groups["file"].Value, error.Groups["line"].Value, error.Groups["code"].Value));
        Assert.Contains($"| error | {Shown("papers/2501.12948.md")}:4:7 | PA102 | `year` must be a whole number, not 'soon' |", File.ReadAllText(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_is_a_markdown_table_with_a_row_for_every_diagnostic_even_those_the_terminal_folds()
    {
        var summary = _temp.PathOf("summary.md");

        CliRun.Of("check", "--content", _content, "--format", "github", "--summary", summary);
        var run = CliRun.Of("check", "--content", _content, "--format", "github", "--verbose");

        var markdown = File.ReadAllLines(summary);
        Assert.Equal("## atlas check", markdown[0]);
        Assert.Contains("| severity | where | code | what | what to do |", markdown);
        var rows = markdown.Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(2).ToList();
        Assert.Equal(run.StderrLines.Length, rows.Count);
        Assert.All(rows, row => Assert.Equal(6, Regex.Split(row, @"(?<!\\)\|").Length - 1));
    }

    [Fact]
    public void With_changed_from_the_changed_files_diagnostics_are_the_first_annotations_and_the_first_summary_table()
    {
        var repo = GitRepo.InitWithEverything(_temp.Root);
        repo.Run("branch", "base");
        AddPaperWithYearSoon();
        var summary = _temp.PathOf("summary.md");

        var inFileOrder = CliRun.Of("check", "--content", _content, "--format", "github");
        var run = CliRun.Of("check", "--content", _content, "--format", "github", "--changed-from", "base", "--summary", summary);

        Assert.StartsWith("::error ", inFileOrder.StderrLines[^1], StringComparison.Ordinal);
        Assert.StartsWith($"::error file={Shown("papers/2501.12948.md")},line=4,", run.StderrLines[0], StringComparison.Ordinal);
        Assert.Equal(inFileOrder.StderrLines.Order(StringComparer.Ordinal), run.StderrLines.Order(StringComparer.Ordinal));
        var markdown = File.ReadAllText(summary);
        var changedTable = markdown.IndexOf("### In the files this pull request changes", StringComparison.Ordinal);
        Assert.True(changedTable >= 0 && changedTable < markdown.IndexOf("papers/2501.12948.md:4:7", StringComparison.Ordinal));
        Assert.True(markdown.IndexOf("papers/2501.12948.md:4:7", StringComparison.Ordinal) < markdown.IndexOf("### Elsewhere", StringComparison.Ordinal));
    }

    [Fact]
    public void With_a_ref_git_does_not_know_check_warns_and_still_prints_every_diagnostic()
    {
        GitRepo.InitWithEverything(_temp.Root);

        var inFileOrder = CliRun.Of("check", "--content", _content, "--format", "github");
        var run = CliRun.Of("check", "--content", _content, "--format", "github", "--changed-from", "origin/no-such-branch");

        Assert.Equal(inFileOrder.ExitCode, run.ExitCode);
        Assert.StartsWith("::warning title=atlas check::cannot tell which files changed since origin/no-such-branch (", run.StderrLines[0], StringComparison.Ordinal);
        Assert.Equal(inFileOrder.StderrLines, run.StderrLines[1..]);
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
