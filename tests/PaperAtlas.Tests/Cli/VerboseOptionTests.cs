namespace PaperAtlas.Tests.Cli;

/// <summary>`check` and `build` fold diagnostics that scale with a list; `--verbose` prints every one.</summary>
public sealed class VerboseOptionTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _content;

    public VerboseOptionTests()
    {
        _temp.Write("content/topics.yml", "topics:\n  - id: peft\n    name: PEFT\n    name_zh: 参数高效微调\n");
        _temp.Write("content/lists/weekly.md", string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"## Top ML Papers of the Week ({i})\n\n- [A Paper About Week {i} Results](https://arxiv.org/abs/2307.{10000 + i})\n\n")));
        _content = _temp.PathOf("content");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Check_prints_one_note_for_many_unmapped_headings()
    {
        var run = CliRun.Of("check", "--content", _content);

        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.StderrLines, l => l.Contains(" info PA314: 6 headings of this list map to no topic", StringComparison.Ordinal));
        Assert.DoesNotContain(run.StderrLines, l => l.Contains(" PA303: ", StringComparison.Ordinal));
        Assert.Contains("6 warning(s)", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("build")]
    public void Verbose_prints_every_unmapped_heading(string command)
    {
        var args = command == "build"
            ? new[] { command, "--content", _content, "--output", _temp.PathOf("site"), "--templates", Path.Combine(Paths.Root, "templates"), "--verbose" }
            : [command, "--content", _content, "--verbose"];

        var run = CliRun.Of(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(6, run.StderrLines.Count(l => l.Contains(" warning PA303: ", StringComparison.Ordinal)));
        Assert.DoesNotContain(run.StderrLines, l => l.Contains(" PA314: ", StringComparison.Ordinal));
    }
}
