using System.Diagnostics;
using System.Text;
using PaperAtlas.Write;

namespace PaperAtlas.Tests.Hostile;

/// <summary>Whatever happens to a build — bad content, a kill mid-write — the last good site stays byte for byte.</summary>
public sealed class LastGoodSiteTests
{
    private static string Templates => Path.Combine(Paths.Root, "templates");

    private static bool Built(string content, string site) => SiteBuilder.Build(new BuildOptions(content, site, TemplatesPath: Templates)).Written;

    private static string FixtureContent => Path.Combine(Paths.Root, "tests", "PaperAtlas.Tests", "Fixtures", "site", "content");

    [Fact]
    public void A_build_with_a_content_error_leaves_the_previous_site_intact()
    {
        using var temp = new TempFolder();
        var content = temp.CopyFrom(FixtureContent, "content");
        var site = temp.PathOf("site");
        Assert.True(Built(content, site));
        var before = Tree(site);

        File.WriteAllText(Path.Combine(content, "papers", "2305.18290.md"), "---\nid: \"2305.18290\"\ntitle: DPO\nyear: soon\n---\n");
        var broken = SiteBuilder.Build(new BuildOptions(content, site, TemplatesPath: Templates));

        Assert.False(broken.Written);
        AssertSameTree(before, Tree(site));
        Assert.Empty(Directory.EnumerateDirectories(temp.Root, ".site.staging-*"));
    }

    [Fact]
    public async Task A_build_killed_while_writing_leaves_the_previous_site_intact_and_the_next_build_cleans_up()
    {
        using var temp = new TempFolder();
        var small = temp.CopyFrom(FixtureContent, "small");
        var site = temp.PathOf("site");
        Assert.True(Built(small, site));
        var before = Tree(site);

        var large = LargeContent(temp, papers: 6000);
        var cli = Path.Combine(AppContext.BaseDirectory, "atlas.dll");
        Assert.True(File.Exists(cli), cli);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "build", "--content", large, "--output", site, "--templates", Templates })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var staging = Path.Combine(temp.Root, $".site.staging-{process.Id}");
        var clock = Stopwatch.StartNew();
        // Wait until the build has begun writing its staging folder, then kill it mid-write.
        while (!(Directory.Exists(staging) && Directory.EnumerateFileSystemEntries(staging).Any()) && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(2);
        }

        var exitedFirst = process.HasExited;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Assert.False(exitedFirst, "the build finished before it could be killed: " + await process.StandardError.ReadToEndAsync());

        AssertSameTree(before, Tree(site));
        Assert.True(Directory.Exists(staging), "the killed build's staging folder should still be there for the next build to clean");

        Assert.True(Built(small, site));
        Assert.Empty(Directory.EnumerateDirectories(temp.Root, ".site.staging-*"));
        AssertSameTree(before, Tree(site));
    }

    [Fact]
    public async Task A_build_killed_between_the_two_moves_gets_its_old_site_back()
    {
        using var temp = new TempFolder();
        var site = temp.PathOf("site");
        // A process that has exited: its id is one no running build has.
        using var gone = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        await gone.WaitForExitAsync();
        var old = temp.PathOf($".site.staging-{gone.Id}.old");
        Directory.CreateDirectory(old);
        File.WriteAllText(Path.Combine(old, "index.html"), "the last good site");
        Directory.CreateDirectory(temp.PathOf($".site.staging-{gone.Id}"));

        using (new StagedOutput(site))
        {
            Assert.Equal("the last good site", File.ReadAllText(Path.Combine(site, "index.html")));
        }

        Assert.Empty(Directory.EnumerateDirectories(temp.Root, ".site.staging-*"));
    }

    [Fact]
    public void A_file_the_new_site_does_not_have_is_gone_after_a_rebuild()
    {
        using var temp = new TempFolder();
        var content = temp.CopyFrom(FixtureContent, "content");
        var site = temp.PathOf("site");
        Assert.True(Built(content, site));
        var built = Tree(site);
        File.WriteAllText(Path.Combine(site, "papers", "stale.html"), "a page of a paper since removed");

        Assert.True(Built(content, site));

        Assert.False(File.Exists(Path.Combine(site, "papers", "stale.html")));
        AssertSameTree(built, Tree(site));
    }

    [Fact]
    public void The_replaced_site_is_deleted_after_the_build_returns_and_leaves_nothing_beside_the_output()
    {
        using var temp = new TempFolder();
        var content = temp.CopyFrom(FixtureContent, "content");
        var site = temp.PathOf("site");
        Assert.True(Built(content, site));

        Assert.True(Built(content, site));

        Assert.True(File.Exists(Path.Combine(site, "index.html")));
        Assert.True(EventuallyOnly(temp.Root, ["content", "site"]), string.Join(", ", Directory.EnumerateFileSystemEntries(temp.Root)));
    }

    [Fact]
    public void Trash_a_deleter_did_not_finish_is_removed_by_the_next_build()
    {
        using var temp = new TempFolder();
        var content = temp.CopyFrom(FixtureContent, "content");
        temp.Write(".site.trash-0123456789abcdef/papers/2106.09685/index.html", "half of a replaced site");

        Assert.True(Built(content, temp.PathOf("site")));

        Assert.True(EventuallyOnly(temp.Root, ["content", "site"]), string.Join(", ", Directory.EnumerateFileSystemEntries(temp.Root)));
    }

    /// <summary>Waits (a minute at most: the deleter is another process on a shared machine) until <paramref name="folder"/> holds only <paramref name="names"/>.</summary>
    private static bool EventuallyOnly(string folder, string[] names)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).SequenceEqual(names))
            {
                return true;
            }

            Thread.Sleep(20);
        }

        return false;
    }

    /// <summary>A year-table list of many papers, so that writing the site takes long enough to interrupt.</summary>
    private static string LargeContent(TempFolder temp, int papers)
    {
        var content = temp.CopyFrom(FixtureContent, "large");
        var builder = new StringBuilder("---\ntitle: Many papers\n---\n## Papers\n\n| 年份 | 名字 | 简介 | 精读 |\n| ---- | ---- | ---- | ---- |\n");
        for (var i = 0; i < papers; i++)
        {
            var id = $"23{1 + (i / 9000):00}.{10000 + (i % 9000)}";
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"| 2023 | [Generated paper number {i} on long context](https://arxiv.org/abs/{id}) | 第 {i} 篇论文的简介，long enough to make the page take some bytes. | |\n");
        }

        File.WriteAllText(Path.Combine(content, "lists", "many.md"), builder.ToString());
        return content;
    }

    internal static SortedDictionary<string, byte[]> Tree(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    internal static void AssertSameTree(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs");
        }
    }
}
