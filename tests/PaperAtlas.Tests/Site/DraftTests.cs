using PaperAtlas.Diagnostics;
using PaperAtlas.Tests.Cli;

namespace PaperAtlas.Tests.Site;

/// <summary>`draft: true` keeps a paper file or a list out of `atlas build` until it goes (or --drafts); serve shows it.</summary>
public sealed class DraftTests : IDisposable
{
    private const string DraftPaper = "2305.14314";

    private readonly TempFolder _temp = new();
    private readonly string _content;

    public DraftTests()
    {
        _content = _temp.CopyFrom(Path.Combine(Paths.Root, "tests", "PaperAtlas.Tests", "Fixtures", "site", "content"), "content");
    }

    public void Dispose() => _temp.Dispose();

    private void WriteDraftPaper(string draft = "true") =>
        _temp.Write($"content/papers/{DraftPaper}.md", Fixtures.Lines("---", $"id: \"{DraftPaper}\"", "title: \"QLoRA: Efficient Finetuning of Quantized LLMs\"", $"draft: {draft}", "---", "Half-written notes."));

    private void WriteDraftList() =>
        _temp.Write("content/lists/wip.md", Fixtures.Lines(
            "---", "title: Work in progress", "lang: en", "draft: true", "---", "## 高效微调", "",
            "| Name | Title | arXiv |", "| --- | --- | --- |",
            $"| **QLoRA** | QLoRA: Efficient Finetuning of Quantized LLMs | [arXiv:{DraftPaper}](https://arxiv.org/abs/{DraftPaper}) |"));

    [Fact]
    public void A_draft_paper_file_is_left_out_of_the_built_site_with_an_info_at_its_draft_line()
    {
        WriteDraftPaper();

        var run = CliRun.Of("build", "--content", _content, "--output", _temp.PathOf("site"));

        Assert.Equal(0, run.ExitCode);
        Assert.False(Directory.Exists(_temp.PathOf($"site/papers/{DraftPaper}")));
        Assert.DoesNotContain(DraftPaper, File.ReadAllText(_temp.PathOf("site/papers.json")), StringComparison.Ordinal);
        Assert.Contains(run.StderrLines, l => l.EndsWith($"papers/{DraftPaper}.md:4:1: info {DiagnosticCodes.DraftLeftOut}: a draft: left out of the site — `atlas serve` shows it; `atlas build --drafts` builds it; remove `draft: true` to publish it", StringComparison.Ordinal));
    }

    [Fact]
    public void With_drafts_a_draft_paper_file_is_built()
    {
        WriteDraftPaper();

        var run = CliRun.Of("build", "--drafts", "--content", _content, "--output", _temp.PathOf("site"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Half-written notes.", File.ReadAllText(_temp.PathOf($"site/papers/{DraftPaper}/index.html")), StringComparison.Ordinal);
        Assert.DoesNotContain(DiagnosticCodes.DraftLeftOut, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_list_is_left_out_with_the_papers_only_it_mentions()
    {
        WriteDraftList();

        var build = CliRun.Of("build", "--content", _content, "--output", _temp.PathOf("site"));
        var drafts = CliRun.Of("build", "--drafts", "--content", _content, "--output", _temp.PathOf("drafts"));

        Assert.Equal(0, build.ExitCode);
        Assert.False(Directory.Exists(_temp.PathOf("site/lists/wip")));
        Assert.False(Directory.Exists(_temp.PathOf($"site/papers/{DraftPaper}")));
        Assert.True(Directory.Exists(_temp.PathOf("drafts/lists/wip")));
        Assert.True(Directory.Exists(_temp.PathOf($"drafts/papers/{DraftPaper}")));
    }

    [Fact]
    public void A_draft_paper_file_of_a_paper_a_published_list_names_leaves_the_page_without_its_notes()
    {
        WriteDraftList();
        _temp.Write("content/lists/wip.md", File.ReadAllText(_temp.PathOf("content/lists/wip.md")).Replace("draft: true\n", "", StringComparison.Ordinal));
        WriteDraftPaper();

        Assert.Equal(0, CliRun.Of("build", "--content", _content, "--output", _temp.PathOf("site")).ExitCode);

        var page = File.ReadAllText(_temp.PathOf($"site/papers/{DraftPaper}/index.html"));
        Assert.DoesNotContain("Half-written notes.", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_leaves_drafts_out_as_build_does()
    {
        WriteDraftPaper();

        var analysis = SiteBuilder.Analyse(_content);

        Assert.Null(analysis.Graph.Find(DraftPaper));
        Assert.Contains(analysis.Diagnostics, d => d.Code == DiagnosticCodes.DraftLeftOut && d.Severity == Severity.Info);
        Assert.NotNull(SiteBuilder.Analyse(_content, drafts: true).Graph.Find(DraftPaper));
    }

    [Fact]
    public void A_draft_that_is_neither_true_nor_false_is_an_error_at_its_line()
    {
        WriteDraftPaper("maybe");

        var analysis = SiteBuilder.Analyse(_content);

        var error = Assert.Single(analysis.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticCodes.FrontMatterField, 4), (error.Code, error.Location.Line));
        Assert.Contains("`draft` is 'maybe'", error.Message, StringComparison.Ordinal);
    }
}
