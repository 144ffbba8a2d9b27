using PaperAtlas.Read;

namespace PaperAtlas.Tests.Read;

public sealed class ReportReaderTests
{
    private static readonly string Report = Fixtures.Lines(
        "## **一、 奠基性架构与范式**",                                                       // 1
        "",                                                                                  // 2
        "### **1.1 Transformer 架构： \"Attention Is All You Need\" (2017)**",                 // 3
        "",                                                                                  // 4
        "该论文 1 标志着转折点，注意力经 $d\\_k$ 缩放 2。",                                     // 5
        "",                                                                                  // 6
        "### **1.2 MoE 核心概念**",                                                           // 7
        "",                                                                                  // 8
        "MoE 不使用单一模型处理所有输入 3。",                                                   // 9
        "",                                                                                  // 10
        "#### **引用的著作**",                                                                 // 11
        "",                                                                                  // 12
        "1. Attention is All you Need \\- NIPS papers, 访问时间为 十一月 5, 2025， [https://papers.neurips.cc/paper/7181-attention-is-all-you-need.pdf](https://papers.neurips.cc/paper/7181-attention-is-all-you-need.pdf)  ",
        "2. \\[1706.03762\\] Attention Is All You Need \\- arXiv, 访问时间为 十一月 5, 2025， [https://arxiv.org/abs/1706.03762](https://arxiv.org/abs/1706.03762)  ",
        "3. Mixture of experts \\- Wikipedia, 访问时间为 十一月 5, 2025， [https://en.wikipedia.org/wiki/Mixture_of_experts](https://en.wikipedia.org/wiki/Mixture_of_experts)  ");

    private static PaperMention Section(FixtureReading reading) =>
        reading.Mentions.Single(m => m.Kind == MentionKind.SectionSubject);

    [Fact]
    public void A_works_cited_heading_makes_the_list_a_report()
    {
        Assert.Equal(ListShape.Report, Fixtures.Read(Report).Reading.List.Shape);
    }

    [Fact]
    public void A_section_naming_a_paper_gets_the_arxiv_id_of_the_works_cited_entry_with_that_title()
    {
        var section = Section(Fixtures.Read(Report));

        Assert.Equal("1706.03762", section.ArxivId);
        Assert.Equal("https://arxiv.org/abs/1706.03762", section.Url);
    }

    [Fact]
    public void A_section_takes_its_year_title_and_name_from_the_heading()
    {
        var section = Section(Fixtures.Read(Report));

        Assert.Equal(2017, section.Year);
        Assert.Equal("Attention Is All You Need", section.Title);
        Assert.Equal("Transformer 架构", section.Name);
        Assert.Equal(3, section.YearLocation?.Line);
    }

    [Fact]
    public void A_sections_own_heading_is_kept_apart_from_its_parent_sections()
    {
        var section = Section(Fixtures.Read(Report));

        Assert.Equal("1.1 Transformer 架构： \"Attention Is All You Need\" (2017)", section.OwnHeading?.Title);
        Assert.Equal(["一、 奠基性架构与范式"], section.Sections.Select(s => s.Title));
    }

    [Fact]
    public void Bare_citation_numbers_in_the_section_body_are_kept_in_citations()
    {
        Assert.Equal([1, 2], Section(Fixtures.Read(Report)).Citations.ToArray());
    }

    [Fact]
    public void Escaped_tex_in_the_section_note_is_unescaped()
    {
        var note = Section(Fixtures.Read(Report)).Note;

        Assert.Contains("$d_k$", note, StringComparison.Ordinal);
        Assert.DoesNotContain("\\_", note, StringComparison.Ordinal);
        Assert.StartsWith("该论文 1 标志着转折点", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_concept_section_without_a_year_becomes_a_topic_note()
    {
        var note = Assert.Single(Fixtures.Read(Report).Reading.TopicNotes);

        Assert.Equal("1.2 MoE 核心概念", note.Section.Title);
        Assert.Equal("MoE 不使用单一模型处理所有输入 3。", note.Note);
        Assert.Equal(["一、 奠基性架构与范式"], note.Sections.Select(s => s.Title));
    }

    [Fact]
    public void An_arxiv_entry_of_the_works_cited_list_is_a_mention_with_its_number()
    {
        var entry = Fixtures.Read(Report).Mentions.Single(m => m.Kind == MentionKind.WorksCited && m.ArxivId is not null);

        Assert.Equal("1706.03762", entry.ArxivId);
        Assert.Equal(2, entry.CitationNumber);
        Assert.Equal("Attention Is All You Need", entry.Title);
        Assert.Equal(14, entry.Location.Line);
    }

    [Fact]
    public void A_works_cited_entry_on_a_paper_host_is_a_mention_without_an_id()
    {
        var entry = Fixtures.Read(Report).Mentions.Single(m => m.CitationNumber == 1);

        Assert.Null(entry.ArxivId);
        Assert.Equal("Attention is All you Need", entry.Title);
    }

    [Fact]
    public void A_works_cited_entry_that_is_not_a_paper_gives_no_mention()
    {
        Assert.DoesNotContain(Fixtures.Read(Report).Mentions, m => m.CitationNumber == 3);
    }

    [Fact]
    public void A_report_reads_without_diagnostics()
    {
        Assert.Empty(Fixtures.Read(Report).Diagnostics);
    }

    [Fact]
    public void A_section_whose_heading_has_no_quoted_title_is_resolved_through_its_most_cited_arxiv_entry()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "## **二、 缩放**",
            "",
            "#### **2.1.1 OpenAI (Kaplan) 的缩放法则 (2020)**",
            "",
            "损失随参数量呈幂律下降 2。该工作 2 影响深远 1。",
            "",
            "#### **引用的著作**",
            "",
            "1. Neural scaling law \\- Wikipedia, 访问时间为 十一月 5, 2025， [https://en.wikipedia.org/wiki/Neural_scaling_law](https://en.wikipedia.org/wiki/Neural_scaling_law)  ",
            "2. \\[2001.08361\\] Scaling Laws for Neural Language Models \\- arXiv, 访问时间为 十一月 5, 2025， [https://arxiv.org/abs/2001.08361](https://arxiv.org/abs/2001.08361)  "));

        var section = Section(reading);
        Assert.Equal("2001.08361", section.ArxivId);
        Assert.Equal(2020, section.Year);
        Assert.Equal("Scaling Laws for Neural Language Models", section.Title);
    }
}
