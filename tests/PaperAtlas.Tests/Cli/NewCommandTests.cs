namespace PaperAtlas.Tests.Cli;

/// <summary>`atlas new`, as CONTRIBUTING.md tells a contributor to use it, followed by `atlas check`.</summary>
public sealed class NewCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _content;

    public NewCommandTests()
    {
        _content = _temp.CopyFrom(Paths.Seed(), "content");
    }

    public void Dispose() => _temp.Dispose();

    private string PaperFile(string id) => Path.Combine(_content, "papers", id + ".md");

    [Fact]
    public void New_writes_the_paper_file_and_exits_0()
    {
        var run = CliRun.Of("new", "2501.12948", "--content", _content);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("wrote ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("id: \"2501.12948\"", File.ReadAllText(PaperFile("2501.12948")), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_fails_on_the_todo_title_new_left_with_PA220_on_the_title_line()
    {
        CliRun.Of("new", "2501.12948", "--content", _content);
        var titleLine = Array.FindIndex(File.ReadAllLines(PaperFile("2501.12948")), l => l.StartsWith("title:", StringComparison.Ordinal)) + 1;

        var run = CliRun.Of("check", "--content", _content);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.StderrLines, l => l.Contains(" error PA220: ", StringComparison.Ordinal));
        Assert.StartsWith($"{_content.Replace('\\', '/')}/papers/2501.12948.md:{titleLine}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_passes_once_the_title_is_filled_in()
    {
        CliRun.Of("new", "2501.12948", "--content", _content);
        var text = File.ReadAllText(PaperFile("2501.12948"));
        File.WriteAllText(PaperFile("2501.12948"), text.Replace("\"TODO: the paper's title, as on arXiv\"", "\"DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning\"", StringComparison.Ordinal));

        Assert.Equal(0, CliRun.Of("check", "--content", _content).ExitCode);
    }

    [Fact]
    public void New_for_a_paper_the_lists_name_fills_in_the_title_so_check_passes_at_once()
    {
        CliRun.Of("new", "2106.09685", "--content", _content);

        Assert.DoesNotContain("TODO", File.ReadAllText(PaperFile("2106.09685")), StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of("check", "--content", _content).ExitCode);
    }
}
