using PaperAtlas.Read;

namespace PaperAtlas.Tests.RealLists;

/// <summary>What is read from the frozen copy of content/lists/llm-knowledge-report.md (Fixtures/seed): a long-form report with a works-cited list.</summary>
public sealed class LlmKnowledgeReportTests
{
    private static FixtureReading Reading => RealList.Read("llm-knowledge-report");

    private static PaperMention Section(string number) =>
        Reading.Mentions.Single(m => m.Kind == MentionKind.SectionSubject && m.OwnHeading!.Title.StartsWith(number + " ", StringComparison.Ordinal));

    [Fact]
    public void It_is_read_as_a_report_without_diagnostics()
    {
        Assert.Equal(ListShape.Report, Reading.Reading.List.Shape);
        Assert.Empty(Reading.Diagnostics);
    }

    [Fact]
    public void It_has_31_paper_sections_and_67_paper_entries_in_its_works_cited_list()
    {
        Assert.Equal(98, Reading.Mentions.Length);
        Assert.Equal(31, Reading.Mentions.Count(m => m.Kind == MentionKind.SectionSubject));
        Assert.Equal(67, Reading.Mentions.Count(m => m.Kind == MentionKind.WorksCited));
    }

    [Fact]
    public void It_names_33_distinct_arxiv_ids()
    {
        Assert.Equal(33, Reading.Mentions.Select(m => m.ArxivId).OfType<string>().Distinct().Count());
    }

    [Fact]
    public void Section_1_1_is_attention_is_all_you_need()
    {
        var transformer = Section("1.1");

        Assert.Equal("1706.03762", transformer.ArxivId);
        Assert.Equal(("Attention Is All You Need", "Transformer 架构", 2017), (transformer.Title, transformer.Name, transformer.Year));
        Assert.Equal((18, 1), (transformer.Location.Line, transformer.Location.Column));
        Assert.Equal(["一、 奠基性架构与范式"], transformer.Sections.Select(s => s.Title));
    }

    [Fact]
    public void Section_1_1_keeps_its_citation_numbers_in_order()
    {
        Assert.Equal([1, 3, 4, 4, 1, 1, 4, 4, 1, 1, 5], Section("1.1").Citations.ToArray());
    }

    [Fact]
    public void Section_1_1_note_is_its_body_with_tex_unescaped()
    {
        var note = Section("1.1").Note;

        Assert.StartsWith("该论文 1 标志着现代深度学习序列处理的转折点。", note, StringComparison.Ordinal);
        Assert.Contains("$d_k$", note, StringComparison.Ordinal);
        Assert.Contains("$P_{drop} = 0.1$", note, StringComparison.Ordinal);
        Assert.DoesNotContain("$d\\_k$", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_are_resolved_to_their_papers()
    {
        Assert.Equal(
            ["1810.04805", "2005.14165", "2407.21783", "2001.08361", "2203.15556", "2106.09685", "2201.11903", "2205.14135", "1910.02054"],
            new[] { "1.2", "1.3", "1.4", "2.1.1", "2.1.2", "3.1.2", "4.2.1", "6.2", "6.3" }.Select(n => Section(n).ArxivId));
    }

    [Fact]
    public void A_section_about_a_paper_without_any_link_keeps_its_name_and_year()
    {
        var alpaca = Section("3.2.3");

        Assert.Null(alpaca.ArxivId);
        Assert.Equal(("Alpaca", 2023), (alpaca.Name, alpaca.Year));
    }

    [Fact]
    public void Works_cited_entry_2_is_the_arxiv_page_of_attention_is_all_you_need()
    {
        var entry = Reading.Mentions.Single(m => m.CitationNumber == 2);

        Assert.Equal(("1706.03762", "Attention Is All You Need", 596), (entry.ArxivId, entry.Title, entry.Location.Line));
        Assert.Equal("cite-2", entry.Anchor);
    }

    [Fact]
    public void Concept_sections_become_19_topic_notes()
    {
        var notes = Reading.Reading.TopicNotes;

        Assert.Equal(19, notes.Length);
        var moe = Assert.Single(notes, n => n.Section.Title == "2.2.1 MoE 核心概念");
        Assert.Equal(124, moe.Section.Location.Line);
        Assert.StartsWith("* **定义：** MoE 是一种机器学习技术。", moe.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_document_title_is_not_a_section()
    {
        Assert.DoesNotContain(Reading.Mentions, m => m.Sections.Any(s => s.Level == 1));
        Assert.Equal("大型语言模型关键论文与技术知识库", Reading.Reading.List.Title);
    }
}
