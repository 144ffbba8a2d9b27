using PaperAtlas.Contribute;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Tests.Contribute;

/// <summary>Which content files a pull request changes, as `atlas check --changed-from` asks git.</summary>
public sealed class ChangedFilesTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly GitRepo _repo;

    public ChangedFilesTests()
    {
        _temp.Write("content/lists/a.md", "# A\n");
        _temp.Write("content/lists/b.md", "# B\n");
        _temp.Write("README.md", "readme\n");
        _repo = GitRepo.InitWithEverything(_temp.Root);
        _repo.Run("branch", "base");
    }

    public void Dispose() => _temp.Dispose();

    private string Content => _temp.PathOf("content");

    private string Shown(string relative) => Content.Replace('\\', '/') + "/" + relative;

    private Diagnostic In(string relative, string message = "something") =>
        new(Severity.Warning, DiagnosticCodes.YearMismatch, message, new SourceLocation(Shown(relative), 1, 1), "");

    private ChangedFiles Since(string gitRef) => ChangedFiles.Since(gitRef, Content, out var error) ?? throw new InvalidOperationException(error);

    [Fact]
    public void Committed_staged_edited_and_new_content_files_are_changed_and_others_are_not()
    {
        _temp.Write("content/papers/committed.md", "x");
        _repo.CommitAll("a paper");
        _temp.Write("content/papers/staged.md", "x");
        _repo.Run("add", "content/papers/staged.md");
        _temp.Write("content/lists/a.md", "# A, edited\n");
        _temp.Write("content/papers/new.md", "x");
        _temp.Write("README.md", "edited outside content\n");

        var changed = Since("base");

        Assert.Equal(4, changed.Count);
        Assert.All(["papers/committed.md", "papers/staged.md", "lists/a.md", "papers/new.md"], f => Assert.True(changed.Touches(In(f)), f));
        Assert.False(changed.Touches(In("lists/b.md")));
    }

    [Fact]
    public void Changes_on_the_base_branch_since_the_fork_are_not_the_pull_requests()
    {
        _repo.Run("checkout", "-q", "-b", "contribution");
        _temp.Write("content/lists/a.md", "# A, the contribution\n");
        _repo.CommitAll("contribution");
        _repo.Run("checkout", "-q", "base");
        _temp.Write("content/lists/b.md", "# B, moved on\n");
        _repo.CommitAll("base moves on");
        _repo.Run("checkout", "-q", "contribution");

        var changed = Since("base");

        Assert.Equal(1, changed.Count);
        Assert.True(changed.Touches(In("lists/a.md")));
    }

    [Fact]
    public void A_diagnostic_elsewhere_that_names_a_changed_file_touches_it()
    {
        _temp.Write("content/lists/a.md", "# A, edited\n");

        Assert.True(Since("base").Touches(In("lists/b.md", $"2203.02155 is titled 'X' here but 'Y' elsewhere ({Shown("lists/a.md")}:3)")));
    }

    [Fact]
    public void Diagnostics_touching_changed_files_come_first_each_part_in_its_order()
    {
        var changed = ChangedFiles.Of(Content, ["lists/b.md"]);
        Diagnostic[] diagnostics = [In("lists/a.md", "1"), In("lists/b.md", "2"), In("lists/a.md", "3"), In("lists/b.md", "4")];

        Assert.Equal(["2", "4", "1", "3"], changed.First(diagnostics).Select(d => d.Message));
    }

    [Theory]
    [InlineData("no-such-branch")]
    [InlineData("--output=/tmp/x")]
    public void A_ref_git_does_not_know_gives_an_error_not_a_list(string gitRef)
    {
        Assert.Null(ChangedFiles.Since(gitRef, Content, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
