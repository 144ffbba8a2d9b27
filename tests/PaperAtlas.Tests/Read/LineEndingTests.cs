using PaperAtlas.Read;

namespace PaperAtlas.Tests.Read;

/// <summary>Lists saved on Windows (CRLF) read exactly like the same lists with LF.</summary>
public sealed class LineEndingTests
{
    private static FixtureReading ReadCrlf(string markdown) => Fixtures.Read(markdown.Replace("\n", "\r\n", StringComparison.Ordinal));

    [Fact]
    public void A_crlf_heading_list_reads_like_its_lf_twin()
    {
        var markdown = Fixtures.Lines(
            "---",
            "title: Notes",
            "---",
            "## PEFT",
            "### LoRA",
            "- **Paper**:[LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/pdf/2106.09685.pdf)",
            "- **year**:2021/06",
            "- **summary/reason to read**: 目前最常用的PEFT方法");

        var lf = Fixtures.Read(markdown).Single;
        var crlf = ReadCrlf(markdown);

        Assert.Empty(crlf.Diagnostics);
        Assert.Equal("Notes", crlf.Reading.List.Title);
        Assert.Equal((lf.ArxivId, lf.Title, lf.Year, lf.Month, lf.Note, lf.Location), (crlf.Single.ArxivId, crlf.Single.Title, crlf.Single.Year, crlf.Single.Month, crlf.Single.Note, crlf.Single.Location));
    }

    [Fact]
    public void A_crlf_year_table_reads_like_its_lf_twin()
    {
        var markdown = Fixtures.Lines(
            "| 年份 | 名字 | 简介 | 精读 |",
            "| ---- | ---- | ---- | ---- |",
            "| 2017 | [Transformer](https://arxiv.org/abs/1706.03762) | 继 MLP、CNN、RNN 后的第四大类架构 | here |");

        var crlf = ReadCrlf(markdown);

        Assert.Empty(crlf.Diagnostics);
        Assert.Equal("继 MLP、CNN、RNN 后的第四大类架构", crlf.Single.Note);
        Assert.Equal(3, crlf.Single.Location.Line);
    }

    [Fact]
    public void A_crlf_report_section_note_has_the_same_text_as_its_lf_twin()
    {
        var markdown = Fixtures.Lines(
            "### **1.1 Transformer 架构： \"Attention Is All You Need\" (2017)**",
            "",
            "该论文 1 标志着转折点 2。",
            "",
            "#### **引用的著作**",
            "",
            "1. x",
            "2. \\[1706.03762\\] Attention Is All You Need \\- arXiv, 访问时间为 十一月 5, 2025， [https://arxiv.org/abs/1706.03762](https://arxiv.org/abs/1706.03762)");

        var section = ReadCrlf(markdown).Mentions.Single(m => m.Kind == MentionKind.SectionSubject);

        Assert.Equal("1706.03762", section.ArxivId);
        Assert.Equal("该论文 1 标志着转折点 2。", section.Note);
        Assert.Equal([1, 2], section.Citations.ToArray());
    }
}
