using PaperAtlas.Read;

namespace PaperAtlas.Tests.RealLists;

/// <summary>What is read from the frozen copy of content/lists/llm-research-notes.md (Fixtures/seed): a heading per paper with year and reason to read.</summary>
public sealed class LlmResearchNotesTests
{
    private static FixtureReading Reading => RealList.Read("llm-research-notes");

    private static PaperMention Named(string name) => Reading.Mentions.Single(m => m.Name == name);

    [Fact]
    public void It_is_read_as_a_heading_list_without_diagnostics()
    {
        Assert.Equal(ListShape.Headings, Reading.Reading.List.Shape);
        Assert.Empty(Reading.Diagnostics);
    }

    [Fact]
    public void It_has_31_entries_with_30_distinct_ids()
    {
        Assert.Equal(31, Reading.Mentions.Length);
        Assert.All(Reading.Mentions, m => Assert.Equal(MentionKind.Entry, m.Kind));
        Assert.Equal(30, Reading.Mentions.Select(m => m.ArxivId).Distinct().Count());
    }

    [Fact]
    public void Lora_has_its_capitalised_title_year_month_and_chinese_note()
    {
        var lora = Named("Lora");

        Assert.Equal("2106.09685", lora.ArxivId);
        Assert.Equal("LORA: LOW-RANK ADAPTATION OF LARGE LANGUAGE MODEL", lora.Title);
        Assert.Equal((2021, 6), (lora.Year, lora.Month));
        Assert.Equal("目前最常用的PEFT方法", lora.Note);
        Assert.Equal(["PEFT"], lora.Sections.Select(s => s.Title));
        Assert.Equal((75, 13), (lora.Location.Line, lora.Location.Column));
    }

    [Fact]
    public void Dpos_note_is_its_chinese_link_as_written()
    {
        Assert.Equal(
            "[使用变量变换将奖励函数上的损失函数转化为直接基于策略的损失函数从而无需训练reward function](https://www.xiaohongshu.com/explore/65782f9a0000000016007f93)",
            Named("DPO").Note);
    }

    [Fact]
    public void Mamba_is_read_from_its_ftp_link()
    {
        var mamba = Named("Mamba");

        Assert.Equal("2312.00752", mamba.ArxivId);
        Assert.Equal((2023, 12), (mamba.Year, mamba.Month));
    }

    [Fact]
    public void Llama2_has_a_url_as_link_text_so_no_title()
    {
        var llama2 = Named("llama2");

        Assert.Equal("2307.09288", llama2.ArxivId);
        Assert.Null(llama2.Title);
    }

    [Fact]
    public void The_instruction_finetune_heading_holds_its_fields_directly()
    {
        var flan = Named("Instruction Finetune");

        Assert.Equal("2203.02155", flan.ArxivId);
        Assert.Equal("Scaling Instruction-Finetuned Language Models", flan.Title);
        Assert.Empty(flan.Sections);
        Assert.Equal("最早讲instruct finetune的论文之一", flan.Note);
        Assert.Equal(56, flan.Location.Line);
    }

    [Fact]
    public void Nested_headings_give_the_topic_path()
    {
        Assert.Equal(
            ["Compression", "Quantization", "Post Training Quantization(PTQ)"],
            Named("GPTQ").Sections.Select(s => s.Title));
    }

    [Fact]
    public void Qlora_note_has_no_leading_colon()
    {
        Assert.Equal("通过一个冻结的4位量化的预训练语言模型反向传播梯度进行Lora训练", Named("QLORA").Note);
    }

    [Fact]
    public void Empty_headings_and_the_blog_field_produce_no_mentions()
    {
        string[] empty = ["Surveys", "MOE", "Prompt Engineer", "MultiModa", "Domain Usage", "基础知识"];

        Assert.DoesNotContain(Reading.Mentions, m => empty.Contains(m.OwnHeading?.Title) || m.Sections.Any(s => empty.Contains(s.Title)));
    }

    [Fact]
    public void An_entry_without_a_summary_has_an_empty_note()
    {
        Assert.Equal("", Named("AWQ").Note);
        Assert.Equal((2023, 10), (Named("AWQ").Year, Named("AWQ").Month));
    }
}
