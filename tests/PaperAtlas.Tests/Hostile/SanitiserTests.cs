using PaperAtlas.Tests.Site;

namespace PaperAtlas.Tests.Hostile;

/// <summary>
/// Raw HTML and images in notes: no element from content may carry an id or name (an image named "getElementById"
/// replaces the document's own, and the site's scripts throw), and images from other sites are links, not loaded,
/// unless site.yml allows them (<c>external_images: true</c>), which the Content-Security-Policy then allows too.
/// </summary>
public sealed class SanitiserTests : IDisposable
{
    private const string Notes = """
        <div><img name="getElementById" src="a.png"><form id="search-input"></form><a id="main" name="x" href="https://example.org/">x</a></div>

        <p><img src="https://tracker.example/raw.png" alt="raw pixel"></p>

        And a Markdown image: ![markdown pixel](https://tracker.example/markdown.png)
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private BuiltSite Build(string siteYml)
    {
        _temp.Write("content/topics.yml", "topics:\n  - id: peft\n    name: PEFT\n    name_zh: 参数高效微调\n");
        _temp.Write("content/site.yml", siteYml);
        _temp.Write("content/papers/2106.09685.md", "---\nid: \"2106.09685\"\ntitle: LoRA\n---\n" + Notes + "\n");
        _temp.Write("content/lists/notes.md", "---\ntitle: Notes\n---\n## PEFT\n\n- [LoRA](https://arxiv.org/abs/2106.09685)\n\n" + Notes + "\n");
        var site = new BuiltSite(_temp.PathOf("content"));
        Assert.True(site.Result.Written, string.Join('\n', site.Result.Analysis.Diagnostics));
        return site;
    }

    [Theory]
    [InlineData("papers/2106.09685/index.html")]
    [InlineData("lists/notes/index.html")]
    public void Content_gives_no_element_an_id_or_a_name(string page)
    {
        using var site = Build("title: T\n");
        var document = site.Parse(page);

        Assert.Empty(document.QuerySelectorAll("main [name]"));
        Assert.Single(document.QuerySelectorAll("#search-input"));
        Assert.Single(document.QuerySelectorAll("#main"));
        Assert.Empty(document.QuerySelectorAll("form:not(.search-box)"));
    }

    [Theory]
    [InlineData("papers/2106.09685/index.html")]
    [InlineData("lists/notes/index.html")]
    public void Images_from_other_sites_are_links_and_the_policy_loads_images_from_the_site_alone(string page)
    {
        using var site = Build("title: T\n");
        var document = site.Parse(page);

        Assert.Empty(document.QuerySelectorAll("img[src^='https:'], img[src^='http:'], img[src^='//']"));
        Assert.NotNull(document.QuerySelector("a[href='https://tracker.example/raw.png']"));
        Assert.NotNull(document.QuerySelector("a[href='https://tracker.example/markdown.png']"));
        var policy = document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.Contains("img-src 'self' data:;", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_from_other_sites_are_shown_when_site_yml_allows_them()
    {
        using var site = Build("title: T\nexternal_images: true\n");
        var document = site.Parse("papers/2106.09685/index.html");

        Assert.NotNull(document.QuerySelector("img[src='https://tracker.example/raw.png']"));
        Assert.NotNull(document.QuerySelector("img[src='https://tracker.example/markdown.png']"));
        var policy = document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.Contains("img-src 'self' data: https:;", policy, StringComparison.Ordinal);
    }
}
