namespace PaperAtlas.Tests.Hostile;

/// <summary>The site does not depend on how many threads built it.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void The_real_content_builds_byte_for_byte_the_same_with_one_thread_and_with_all_cores()
    {
        using var temp = new TempFolder();
        var templates = Path.Combine(Paths.Root, "templates");
        var one = SiteBuilder.Build(new BuildOptions(Paths.Content(), temp.PathOf("one"), TemplatesPath: templates, MaxParallelism: 1));
        var all = SiteBuilder.Build(new BuildOptions(Paths.Content(), temp.PathOf("all"), TemplatesPath: templates, MaxParallelism: Math.Max(2, Environment.ProcessorCount)));

        Assert.True(one.Written && all.Written);
        Assert.Equal(one.Analysis.Diagnostics, all.Analysis.Diagnostics);
        LastGoodSiteTests.AssertSameTree(LastGoodSiteTests.Tree(temp.PathOf("one")), LastGoodSiteTests.Tree(temp.PathOf("all")));
    }
}
