namespace PaperAtlas.Tests.Site;

/// <summary>
/// A report seen from a paper's page: its citation numbers are the same links the list page has, its works-cited
/// entries fold into the section that cites them, and English names inside its Chinese text are marked English.
/// </summary>
public sealed class ReportOnPaperPageTests : IDisposable
{
    private readonly string _content = Path.Combine(Path.GetTempPath(), "atlas-report-" + Guid.NewGuid().ToString("N"));
    private readonly BuiltSite _site;

    public ReportOnPaperPageTests()
    {
        Directory.CreateDirectory(Path.Combine(_content, "lists"));
        File.WriteAllText(Path.Combine(_content, "topics.yml"), "topics:\n  - id: architecture\n    name: Architecture\n    name_zh: 模型架构\n    aliases: [奠基性架构]\n");
        File.WriteAllText(Path.Combine(_content, "lists", "report.md"), """
            ---
            title: 报告
            lang: zh
            source: shared/seeds/report.md
            format: report
            ---
            # 报告

            ## **一、 奠基性架构**

            ### **1.1 Transformer： "Attention Is All You Need" (2017)**

            该论文 1 提出了 Transformer（图解见 [The Illustrated Transformer](https://example.org/illustrated)），博客 2 解释了它。

            ## **二、 结语**

            注意力机制改变了这个领域。

            #### **引用的著作**

            1. Attention Is All You Need \- arXiv, [https://arxiv.org/abs/1706.03762](https://arxiv.org/abs/1706.03762)
            2. Attention explained \- Blog, [https://example.org/attention](https://example.org/attention)
            3. Attention Is All You Need (PDF), [https://arxiv.org/pdf/1706.03762](https://arxiv.org/pdf/1706.03762)
            4. BERT: Pre-training of Deep Bidirectional Transformers, [https://arxiv.org/abs/1810.04805](https://arxiv.org/abs/1810.04805)
            """);
        File.WriteAllText(Path.Combine(_content, "lists", "linked.md"), """
            ---
            title: Linked list
            lang: en
            source: https://example.org/linked
            ---
            ## Architecture

            | Name | Paper |
            | --- | --- |
            | BERT | [arXiv:1810.04805](https://arxiv.org/abs/1810.04805) |
            """);
        _site = new BuiltSite(_content);
    }

    [Fact]
    public void A_sections_citation_numbers_link_to_the_works_cited_entries_on_the_list_page()
    {
        Assert.True(_site.Result.Written, string.Join('\n', _site.Result.Analysis.Diagnostics));
        var note = _site.Parse("papers/1706.03762/index.html").QuerySelector(".mention .note")!;
        Assert.Equal(["/lists/report/#cite-1", "/lists/report/#cite-2"], note.QuerySelectorAll("a.cite").Select(a => a.GetAttribute("href")));
        Assert.Equal(["#cite-1", "#cite-2"], _site.Parse("lists/report/index.html").QuerySelectorAll("a.cite").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Works_cited_entries_without_text_fold_into_the_one_section_mention_of_their_list()
    {
        var mentions = _site.Parse("papers/1706.03762/index.html").QuerySelectorAll(".mention");
        var mention = Assert.Single(mentions);
        Assert.Equal(["/lists/report/#cite-1", "/lists/report/#cite-3"], mention.QuerySelectorAll(".mention-head a.cited").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void A_paper_a_report_only_cites_gets_one_works_cited_card_for_that_report()
    {
        var mentions = _site.Parse("papers/1810.04805/index.html").QuerySelectorAll(".mention");
        Assert.Equal(2, mentions.Length);
        var fromReport = Assert.Single(mentions, m => m.QuerySelector("a")!.GetAttribute("href")!.StartsWith("/lists/report/", StringComparison.Ordinal));
        Assert.Equal("works cited", fromReport.QuerySelector(".kind")!.TextContent);
        Assert.Equal(["[4]"], fromReport.QuerySelectorAll("a.cited").Select(a => a.TextContent));
    }

    [Fact]
    public void English_link_texts_in_chinese_content_are_marked_english_and_addresses_are_not()
    {
        var list = _site.Parse("lists/report/index.html");
        Assert.Equal("en", list.QuerySelector(".list-body a[href='https://example.org/illustrated']")!.GetAttribute("lang"));
        Assert.All(list.QuerySelectorAll("#cite-1 a:not(.to-paper), #cite-2 a"), a => Assert.Null(a.GetAttribute("lang")));
        Assert.All(list.QuerySelectorAll(".list-body a.to-paper"), a => Assert.Equal("en", a.GetAttribute("lang")));
        var note = _site.Parse("papers/1706.03762/index.html").QuerySelector(".mention .note a[href='https://example.org/illustrated']")!;
        Assert.Equal("en", note.GetAttribute("lang"));
    }

    [Fact]
    public void A_lists_outline_never_skips_a_heading_level()
    {
        var levels = _site.Parse("lists/report/index.html").QuerySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6")
            .Select(h => h.LocalName[1] - '0').ToList();
        Assert.Equal([1, 2, 3, 2, 3], levels);
    }

    [Fact]
    public void A_lists_source_shows_only_when_it_is_a_web_address()
    {
        Assert.DoesNotContain("shared/seeds", _site.Parse("lists/report/index.html").QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://example.org/linked", _site.Parse("lists/linked/index.html").QuerySelector("main a.source")!.GetAttribute("href"));
    }

    public void Dispose()
    {
        _site.Dispose();
        if (Directory.Exists(_content))
        {
            Directory.Delete(_content, recursive: true);
        }
    }
}
