using PaperAtlas.Incremental;

namespace PaperAtlas.Tests.Incremental;

/// <summary>
/// `atlas serve` rebuilds after an edit with a cache: only the pages whose model changed are rendered. Whatever it skips, the site it leaves
/// must be the one a full `atlas build` of the same content writes, file for file and byte for byte.
/// </summary>
public sealed class IncrementalSiteTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _content;
    private readonly string _templates = Path.Combine(Paths.Root, "templates");

    public IncrementalSiteTests()
    {
        _content = _folder.CopyFrom(Path.Combine(Paths.Root, "tests", "PaperAtlas.Tests", "Fixtures", "site", "content"), "content");
        WritePaper("2305.18290", "Direct Preference Optimization: Your Language Model is Secretly a Reward Model", 2023, "alignment", "DPO", "2106.09685", "Preference pairs, no reward model.");
        WritePaper("2305.14314", "QLoRA: Efficient Finetuning of Quantized LLMs", 2023, "peft", "QLoRA", "2106.09685", "4-bit NormalFloat and paged optimisers.");
        WritePaper("2402.01306", "KTO: Model Alignment as Prospect Theoretic Optimization", 2024, "alignment", "KTO", "2305.18290", "Binary feedback instead of pairs.");
    }

    [Fact]
    public void An_edit_to_a_paper_files_notes_renders_its_page_again_without_a_full_rebuild()
    {
        var site = Start();

        Edit("papers/2305.14314.md", text => text + "\nDouble quantisation saves another 0.37 bits per parameter.\n");
        var result = site.Build(["papers/2305.14314.md"]);

        Assert.True(result.Written);
        Assert.Equal(1, result.Rendered);
        Assert.Contains("Double quantisation", Page("papers/2305.14314/index.html"), StringComparison.Ordinal);
        AssertSameAsFullBuild();
    }

    [Fact]
    public void Renaming_a_paper_reaches_every_page_that_names_it()
    {
        var site = Start();

        Edit("papers/2305.18290.md", text => text.Replace("title: \"Direct Preference Optimization: Your Language Model is Secretly a Reward Model\"", "title: \"Direct Preference Optimisation\"", StringComparison.Ordinal));
        var result = site.Build(["papers/2305.18290.md"]);

        Assert.True(result.Written);
        AssertNotEveryPage(result);
        AssertSameAsFullBuild();
    }

    [Fact]
    public void Retitling_a_paper_file_gives_the_site_and_the_warnings_of_a_full_build()
    {
        var site = Start();
        const string Original = "title: \"Direct Preference Optimization: Your Language Model is Secretly a Reward Model\"";

        // The list still calls 2305.18290 by its old title: a title conflict (PA301) appears, then goes again.
        Edit("papers/2305.18290.md", text => text.Replace(Original, "title: \"Totally Different Work\"", StringComparison.Ordinal));
        var renamed = site.Build(["papers/2305.18290.md"]);
        AssertNotEveryPage(renamed);
        Assert.Contains(renamed.Analysis.Diagnostics, d => d.Code == Diagnostics.DiagnosticCodes.TitleConflict);
        AssertSameAsFullBuild(renamed);

        Edit("papers/2305.18290.md", text => text.Replace("title: \"Totally Different Work\"", Original, StringComparison.Ordinal));
        var restored = site.Build(["papers/2305.18290.md"]);
        Assert.DoesNotContain(restored.Analysis.Diagnostics, d => d.Code == Diagnostics.DiagnosticCodes.TitleConflict);
        AssertSameAsFullBuild(restored);
    }

    [Fact]
    public void A_new_title_that_a_reading_path_names_moves_the_step_as_a_full_build_does()
    {
        var site = Start();

        // The list's path "LoRA → DPO → KTO" finds KTO by name; a paper earlier in id order now answers to "KTO" first.
        Edit("papers/2305.14314.md", text => text.Replace("title: \"QLoRA: Efficient Finetuning of Quantized LLMs\"", "title: \"KTO\"", StringComparison.Ordinal));
        AssertSameAsFullBuild(site.Build(["papers/2305.14314.md"]));
    }

    [Fact]
    public void A_new_title_that_a_mention_without_an_id_carries_takes_that_mention_in_as_a_full_build_does()
    {
        // The report names a paper by title only, so it is a paper of its own until an arXiv paper takes that title.
        Edit("lists/report.md", text => text.Replace("#### **引用的著作**",
            "### **1.2 Paged： \"Paged Optimisers for Quantised Finetuning\" (2023)**\n\n分页优化器。\n\n#### **引用的著作**", StringComparison.Ordinal));
        var site = Start();

        Edit("papers/2305.14314.md", text => text.Replace("title: \"QLoRA: Efficient Finetuning of Quantized LLMs\"", "title: \"Paged Optimisers for Quantised Finetuning\"", StringComparison.Ordinal));
        AssertSameAsFullBuild(site.Build(["papers/2305.14314.md"]));
        Assert.False(File.Exists(_folder.PathOf(Path.Combine("site", "papers", "paged-optimisers-for-quantised-finetuning", "index.html"))));
    }

    [Fact]
    public void Changing_a_papers_year_moves_it_between_year_pages()
    {
        var site = Start();

        Edit("papers/2402.01306.md", text => text.Replace("year: 2024", "year: 2023", StringComparison.Ordinal));
        Assert.True(site.Build(["papers/2402.01306.md"]).Written);

        AssertSameAsFullBuild();
    }

    [Fact]
    public void Changing_a_papers_topics_or_relations_is_followed_everywhere()
    {
        var site = Start();

        Edit("papers/2305.14314.md", text => text.Replace("topics: [peft]", "topics: [peft, alignment]", StringComparison.Ordinal));
        Assert.True(site.Build(["papers/2305.14314.md"]).Written);
        AssertSameAsFullBuild();

        Edit("papers/2402.01306.md", text => text.Replace("id: \"2305.18290\"", "id: \"2106.09685\"", StringComparison.Ordinal));
        Assert.True(site.Build(["papers/2402.01306.md"]).Written);
        AssertSameAsFullBuild();
    }

    [Fact]
    public void A_new_list_row_adds_a_paper_and_its_page()
    {
        var site = Start();

        Edit("lists/techniques.md", text => text + "\n| **GaLore** | GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection | [arXiv:2403.03507](https://arxiv.org/abs/2403.03507) |\n");
        Assert.True(site.Build(["lists/techniques.md"]).Written);

        Assert.True(File.Exists(_folder.PathOf("site/papers/2403.03507/index.html")));
        AssertSameAsFullBuild();
    }

    [Fact]
    public void An_edit_to_a_lists_prose_renders_the_list_and_its_papers_again()
    {
        var site = Start();

        Edit("lists/report.md", text => text + "\nA closing remark about the report.\n");
        var result = site.Build(["lists/report.md"]);

        Assert.True(result.Written);
        AssertNotEveryPage(result);
        AssertSameAsFullBuild();
    }

    [Fact]
    public void A_deleted_paper_file_and_a_new_one_are_followed_when_the_watcher_says_nothing()
    {
        var site = Start();

        File.Delete(Path.Combine(_content, "papers", "2305.14314.md"));
        WritePaper("2404.00001", "A Paper Only Its File Knows", 2024, "architecture", "Solo", "2106.09685", "Found by a full scan.");
        Assert.True(site.Build().Written);

        Assert.True(File.Exists(_folder.PathOf("site/papers/2404.00001/index.html")));
        Assert.False(Directory.Exists(_folder.PathOf("site/papers/2305.14314")));
        AssertSameAsFullBuild();
    }

    [Fact]
    public void A_broken_edit_keeps_the_last_good_site_and_the_fix_is_built()
    {
        var site = Start();
        var before = Snapshot(_folder.PathOf("site"));

        Edit("papers/2305.14314.md", text => text.Replace("topics: [peft]", "topics: [no-such-topic]", StringComparison.Ordinal));
        var broken = site.Build(["papers/2305.14314.md"]);

        Assert.False(broken.Written);
        Assert.Contains(broken.Analysis.Diagnostics, d => d.Code == Diagnostics.DiagnosticCodes.UnknownTopic);
        AssertSameFiles(before, Snapshot(_folder.PathOf("site")));

        Edit("papers/2305.14314.md", text => text.Replace("topics: [no-such-topic]", "topics: [peft]", StringComparison.Ordinal) + "\nFixed.\n");
        Assert.True(site.Build(["papers/2305.14314.md"]).Written);
        AssertSameAsFullBuild();
    }

    [Fact]
    public void Saving_without_a_change_changes_nothing()
    {
        var site = Start();

        Edit("papers/2305.14314.md", text => text);
        var result = site.Build(["papers/2305.14314.md"]);

        Assert.False(result.Changed);
        Assert.Equal(0, result.Files);
    }

    [Fact]
    public void Edits_in_a_row_each_match_a_full_build()
    {
        var site = Start();
        for (var i = 0; i < 3; i++)
        {
            Edit("papers/2106.09685.md", text => text + $"\nNote {i}.\n");
            Edit("papers/2305.18290.md", text => text.Replace("authors: [", $"authors: [Author {i}, ", StringComparison.Ordinal));
            Assert.True(site.Build(["papers/2106.09685.md", "papers/2305.18290.md"]).Written);
            AssertSameAsFullBuild();
        }
    }

    private SiteBuilder Start()
    {
        var site = new SiteBuilder(Options(_folder.PathOf("site")), new BuildCache());
        Assert.True(site.Build().Written);
        AssertSameAsFullBuild();
        return site;
    }

    /// <summary>An edit that shows on a few pages renders those, not the whole site.</summary>
    private void AssertNotEveryPage(BuildResult result) =>
        Assert.InRange(result.Rendered, 1, Directory.EnumerateFiles(_folder.PathOf("site"), "*.html", SearchOption.AllDirectories).Count() / 2);

    private BuildOptions Options(string output) => new(_content, output, "/", _templates, MaxParallelism: 2);

    private void WritePaper(string id, string title, int year, string topic, string alias, string related, string notes) =>
        File.WriteAllText(Path.Combine(_content, "papers", id + ".md"), Fixtures.Lines(
            "---",
            $"id: \"{id}\"",
            $"title: \"{title}\"",
            "authors: [A. Author, B. Author]",
            $"year: {year}",
            $"topics: [{topic}]",
            $"aliases: [{alias}]",
            "related:",
            $"  - id: \"{related}\"",
            "    kind: extends",
            "---",
            notes));

    private void Edit(string relative, Func<string, string> change)
    {
        var path = Path.Combine(_content, relative);
        File.WriteAllText(path, change(File.ReadAllText(path)));
    }

    private string Page(string relative) => File.ReadAllText(_folder.PathOf(Path.Combine("site", relative)));

    private void AssertSameAsFullBuild(BuildResult result)
    {
        Assert.True(result.Written);
        Assert.Equal(SiteBuilder.Analyse(_content).Diagnostics, result.Analysis.Diagnostics);
        AssertSameAsFullBuild();
    }

    private void AssertSameAsFullBuild()
    {
        var fresh = _folder.PathOf("fresh-" + Guid.NewGuid().ToString("N"));
        var full = SiteBuilder.Build(Options(fresh));
        Assert.True(full.Written, string.Join('\n', full.Analysis.Diagnostics));
        AssertSameFiles(Snapshot(fresh), Snapshot(_folder.PathOf("site")));
        Directory.Delete(fresh, recursive: true);
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private static void AssertSameFiles(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        var different = expected.Keys.Where(k => !expected[k].AsSpan().SequenceEqual(actual[k])).Order(StringComparer.Ordinal).ToList();
        Assert.True(different.Count == 0, "these files differ from a full build: " + string.Join(", ", different));
    }

    public void Dispose() => _folder.Dispose();
}
