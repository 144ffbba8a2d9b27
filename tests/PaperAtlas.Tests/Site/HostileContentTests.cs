using AngleSharp.Html.Parser;

namespace PaperAtlas.Tests.Site;

/// <summary>Content from strangers: whatever a title or note says, the page shows it as text and runs nothing.</summary>
public sealed class HostileContentTests : IDisposable
{
    private const string ScriptTitle = "<script>alert(1)</script> Evil Paper Title";
    private readonly string _content = Path.Combine(Path.GetTempPath(), "atlas-hostile-" + Guid.NewGuid().ToString("N"));
    private readonly BuiltSite _site;

    public HostileContentTests()
    {
        Directory.CreateDirectory(Path.Combine(_content, "lists"));
        File.WriteAllText(Path.Combine(_content, "topics.yml"), "topics:\n  - id: evil\n    name: Evil <b>topic</b>\n    name_zh: 恶意\n    aliases: [Evil]\n");
        File.WriteAllText(Path.Combine(_content, "lists", "evil.md"), $"""
            ---
            title: "Evil <img src=x onerror=alert(1)> list"
            lang: en
            ---
            ## Evil

            | 年份 | 名字 | 简介 | 精读 |
            | ---- | ---- | ---- | ---- |
            | 2023 | [{ScriptTitle}](https://arxiv.org/abs/2301.00001) | note <img src=x onerror=alert(1)> and [click](javascript:alert(1)) and <a href="javascript:alert(2)">raw</a> | |

            <div onclick="alert(3)"><script>alert(4)</script>block</div>
            """);
        // A metadata record comes from a pull request too (or from a service that echoes what it was given).
        Directory.CreateDirectory(Path.Combine(_content, "metadata"));
        File.WriteAllText(Path.Combine(_content, "metadata", "2301.00001.yml"), """
            arxiv:
              abstract: "Ends the script early </script><script>alert(5)</script> and <!-- opens a comment"
              authors:
              - "\"><img src=x onerror=alert(6)>"
              title: "</script><script>alert(7)</script>"
            id: "2301.00001"
            semantic_scholar:
              venue: "<b onmouseover=alert(8)>Venue</b>"
            """);
        _site = new BuiltSite(_content);
    }

    [Fact]
    public void The_hostile_entry_is_still_published()
    {
        Assert.True(_site.Result.Written, string.Join('\n', _site.Result.Analysis.Diagnostics));
        var page = _site.Parse("papers/2301.00001/index.html");
        Assert.Contains(ScriptTitle, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("onerror=alert(1)", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void No_page_contains_executable_html()
    {
        var parser = new HtmlParser();
        foreach (var file in _site.HtmlFiles)
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            var where = _site.Relative(file);
            Assert.All(document.Scripts.Where(s => s.GetAttribute("type") != JsonLd), s => Assert.Contains(s.GetAttribute("src"), SiteScripts));
            Assert.All(document.Scripts.Where(s => s.GetAttribute("type") == JsonLd), s => System.Text.Json.JsonDocument.Parse(s.TextContent).Dispose());
            foreach (var element in document.All)
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                foreach (var attribute in new[] { "href", "src", "action" })
                {
                    var value = element.GetAttribute(attribute) ?? "";
                    Assert.False(value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{where}: {attribute}={value}");
                }
            }

            Assert.Empty(document.QuerySelectorAll("img[src='x']"));
        }
    }

    [Fact]
    public void Stored_metadata_shows_as_text_and_its_json_ld_says_exactly_what_the_record_says()
    {
        var page = _site.Parse("papers/2301.00001/index.html");
        var json = System.Text.Json.JsonDocument.Parse(Assert.Single(page.Scripts, s => s.GetAttribute("type") == JsonLd).TextContent).RootElement;

        Assert.StartsWith("Ends the script early </script><script>alert(5)</script>", json.GetProperty("abstract").GetString(), StringComparison.Ordinal);
        Assert.Equal("\"><img src=x onerror=alert(6)>", page.QuerySelector("meta[name='citation_author']")!.GetAttribute("content"));
        Assert.Contains("<b onmouseover=alert(8)>Venue</b>", page.Body!.TextContent, StringComparison.Ordinal);
    }

    private const string JsonLd = "application/ld+json";

    private static readonly string[] SiteScripts = ["/assets/site.js", "/assets/search.js", "/assets/graph.js"];

    public void Dispose()
    {
        _site.Dispose();
        Directory.Delete(_content, recursive: true);
    }
}
