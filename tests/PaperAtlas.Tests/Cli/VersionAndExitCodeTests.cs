using System.Text.RegularExpressions;
using PaperAtlas.Cli;

namespace PaperAtlas.Tests.Cli;

/// <summary>`atlas --version`, and the exit codes: 0 ok, 1 content errors, 2 usage errors, 3 a bug (one line, a report).</summary>
public sealed partial class VersionAndExitCodeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9a-f]+)?$")]
    private static partial Regex SemanticVersion();

    [Fact]
    public void Version_prints_the_version_git_gave_the_tool_not_the_sdk_default()
    {
        var run = CliRun.Of("--version");

        Assert.Equal(0, run.ExitCode);
        var version = run.Stdout.Trim();
        Assert.Matches(SemanticVersion(), version);
        Assert.DoesNotMatch(@"^1\.0\.0(\+|$)", version);
        Assert.Equal(ToolVersion.Informational, version);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_exit_2()
    {
        var run = CliRun.Of("build", "--no-such-option");

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Contains("--no-such-option", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("atlas --help", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_errors_are_exit_1()
    {
        _temp.Write("content/lists/bad.md", Fixtures.Lines("---", "format: spreadsheet", "---"));

        Assert.Equal(AtlasCommand.ContentErrors, CliRun.Of("check", "--content", _temp.PathOf("content")).ExitCode);
    }

    [Fact]
    public void A_bug_is_exit_3_with_one_line_naming_the_report_and_no_stack_trace()
    {
        using var stdout = new FailingWriter();
        using var stderr = new StringWriter();

        var code = AtlasCommand.Run(["--version"], stdout, stderr, _ => null);

        Assert.Equal(AtlasCommand.InternalError, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("atlas: internal error: the writer broke — the full report is in ", line, StringComparison.Ordinal);
        new CliRun(code, "", stderr.ToString()).AssertNoExceptionText();
        var report = Regex.Match(line, @"is in (\S+\.log);").Groups[1].Value;
        try
        {
            var text = File.ReadAllText(report);
            Assert.Contains("atlas --version", text, StringComparison.Ordinal);
            Assert.Contains(nameof(FailingWriter), text, StringComparison.Ordinal);
            Assert.Contains("   at ", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>Stands for a bug anywhere in a command: the first line the command prints throws.</summary>
    private sealed class FailingWriter : StringWriter
    {
        public override void WriteLine(string? value) => throw new InvalidOperationException("the writer broke");
    }
}
