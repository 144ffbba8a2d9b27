using PaperAtlas.Diagnostics;
using PaperAtlas.Load;

namespace PaperAtlas.Tests.Load;

/// <summary>A --content that names the wrong folder is said, not built into an empty site without a word.</summary>
public sealed class ContentFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private IReadOnlyList<Diagnostic> Load(string folder)
    {
        var diagnostics = new DiagnosticBag();
        ContentLoader.Load(_temp.PathOf(folder), diagnostics);
        return diagnostics.ToSortedList();
    }

    [Fact]
    public void A_folder_whose_content_is_one_level_down_is_a_warning_naming_that_folder()
    {
        _temp.Write("atlas/content/lists/a.md", "- [LoRA](https://arxiv.org/abs/2106.09685)\n");

        var warning = Assert.Single(Load("atlas"));

        Assert.Equal((Severity.Warning, DiagnosticCodes.NoContentFolders), (warning.Severity, warning.Code));
        Assert.EndsWith("atlas/content, the folder inside it that holds lists/", warning.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_only_paper_files_is_content()
    {
        _temp.Write("content/papers/2106.09685.md", "---\nid: \"2106.09685\"\ntitle: LoRA\n---\n");

        Assert.DoesNotContain(Load("content"), d => d.Code == DiagnosticCodes.NoContentFolders);
    }
}
