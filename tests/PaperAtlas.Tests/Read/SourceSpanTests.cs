using PaperAtlas.Diagnostics;
using PaperAtlas.Read;

namespace PaperAtlas.Tests.Read;

/// <summary>Every mention points at the exact place in its file: 1-based line and column, as editors show them.</summary>
public sealed class SourceSpanTests
{
    private const string File = "content/lists/fixture.md";

    [Fact]
    public void A_table_row_mention_is_located_at_its_link()
    {
        var markdown = Fixtures.Lines(
            "---",
            "title: Spans",
            "---",
            "### **五、高效微调与推理**",
            "| 技术 | 论文标题 | arXiv链接 |",
            "|------|----------|-----------|",
            "| **LoRA** | LoRA: Low-Rank Adaptation of Large Language Models | [arXiv:2106.09685](https://arxiv.org/abs/2106.09685) |");

        var mention = Fixtures.Read(markdown).Single;

        Assert.Equal(new SourceLocation(File, 7, Fixtures.ColumnOf(markdown, 7, "[arXiv")), mention.Location);
    }

    [Fact]
    public void A_heading_list_mention_is_located_at_its_paper_link()
    {
        var markdown = Fixtures.Lines(
            "## PEFT",
            "### LoRA",
            "- **Paper**:[LoRA: Low-Rank Adaptation](https://arxiv.org/pdf/2106.09685.pdf)",
            "- **year**:2021/06");

        var mention = Fixtures.Read(markdown).Single;

        Assert.Equal(new SourceLocation(File, 3, 13), mention.Location);
        Assert.Equal(new SourceLocation(File, 2, 1), mention.OwnHeading?.Location);
    }

    [Fact]
    public void A_year_table_mention_is_located_at_its_linked_name()
    {
        var markdown = Fixtures.Lines(
            "## Model",
            "",
            "| 年份 | 名字 | 简介 | 精读 |",
            "| ---- | ---- | ---- | ---- |",
            "| 2017 | [Transformer](https://arxiv.org/abs/1706.03762) | 第四大类架构 | here |");

        var mention = Fixtures.Read(markdown).Single;

        Assert.Equal(new SourceLocation(File, 5, 10), mention.Location);
        Assert.Equal(5, mention.YearLocation?.Line);
    }

    [Fact]
    public void A_report_section_mention_is_located_at_its_heading_and_a_works_cited_mention_at_its_item()
    {
        var markdown = Fixtures.Lines(
            "## **一、 奠基**",
            "",
            "### **1.1 Transformer 架构： \"Attention Is All You Need\" (2017)**",
            "",
            "该论文 1 标志着转折点。",
            "",
            "#### **引用的著作**",
            "",
            "1. \\[1706.03762\\] Attention Is All You Need \\- arXiv, 访问时间为 十一月 5, 2025， [https://arxiv.org/abs/1706.03762](https://arxiv.org/abs/1706.03762)");

        var mentions = Fixtures.Read(markdown).Mentions;

        Assert.Equal(new SourceLocation(File, 3, 1), mentions.Single(m => m.Kind == MentionKind.SectionSubject).Location);
        Assert.Equal(new SourceLocation(File, 9, 1), mentions.Single(m => m.Kind == MentionKind.WorksCited).Location);
    }

    [Fact]
    public void A_derived_work_mention_is_located_at_its_link()
    {
        var markdown = Fixtures.Lines(
            "| 技术 | 论文标题 | arXiv链接 |",
            "|------|----------|-----------|",
            "| **DPO** | Direct Preference Optimization | [arXiv:2305.18290](https://arxiv.org/abs/2305.18290) |",
            "",
            "- **衍生工作推荐**：",
            "  - **DPO变种**：",
            "    - IPO ([arXiv:2310.12036](https://arxiv.org/abs/2310.12036))");

        var ipo = Fixtures.Read(markdown).Mentions.Single(m => m.Kind == MentionKind.DerivedWork);

        Assert.Equal(new SourceLocation(File, 7, Fixtures.ColumnOf(markdown, 7, "[arXiv")), ipo.Location);
    }

    [Fact]
    public void A_generic_mention_is_located_at_its_link_in_the_bullet()
    {
        var markdown = Fixtures.Lines(
            "Some intro text.",
            "",
            "- First bullet,",
            "  then [Attention Is All You Need](https://arxiv.org/abs/1706.03762) on line four.");

        Assert.Equal(new SourceLocation(File, 4, 8), Fixtures.Read(markdown).Single.Location);
    }
}
