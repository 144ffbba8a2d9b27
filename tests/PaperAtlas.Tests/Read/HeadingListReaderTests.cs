using PaperAtlas.Diagnostics;
using PaperAtlas.Read;

namespace PaperAtlas.Tests.Read;

public sealed class HeadingListReaderTests
{
    private static readonly string Lora = Fixtures.Lines(
        "## PEFT",
        "### LoRA",
        "- **Paper**:[LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/pdf/2106.09685.pdf)",
        "- **year**:2021/06",
        "- **summary/reason to read**: 目前最常用的PEFT方法");

    [Fact]
    public void Fields_under_a_heading_are_read_as_a_heading_list()
    {
        Assert.Equal(ListShape.Headings, Fixtures.Read(Lora).Reading.List.Shape);
    }

    [Fact]
    public void The_paper_field_gives_the_id_and_the_link_text_as_title()
    {
        var lora = Fixtures.Read(Lora).Single;

        Assert.Equal(MentionKind.Entry, lora.Kind);
        Assert.Equal("2106.09685", lora.ArxivId);
        Assert.Equal("LoRA: Low-Rank Adaptation of Large Language Models", lora.Title);
        Assert.Equal("https://arxiv.org/pdf/2106.09685.pdf", lora.Url);
    }

    [Fact]
    public void The_papers_own_heading_is_its_name_and_not_one_of_its_sections()
    {
        var lora = Fixtures.Read(Lora).Single;

        Assert.Equal("LoRA", lora.Name);
        Assert.Equal("LoRA", lora.OwnHeading?.Title);
        Assert.Equal(["PEFT"], lora.Sections.Select(s => s.Title));
    }

    [Fact]
    public void The_year_field_gives_year_and_month_at_its_own_line()
    {
        var lora = Fixtures.Read(Lora).Single;

        Assert.Equal(2021, lora.Year);
        Assert.Equal(6, lora.Month);
        Assert.Equal(4, lora.YearLocation?.Line);
    }

    [Fact]
    public void The_summary_field_is_the_chinese_note()
    {
        Assert.Equal("目前最常用的PEFT方法", Fixtures.Read(Lora).Single.Note);
    }

    [Fact]
    public void A_summary_that_is_a_link_keeps_its_markdown_and_is_not_read_as_a_paper()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "## DPO",
            "- **Paper**:[Direct Preference Optimization](https://arxiv.org/pdf/2305.18290.pdf)",
            "- **summary/reason to read**: [无需训练reward function](https://www.xiaohongshu.com/explore/65782f9a)"));

        Assert.Equal("[无需训练reward function](https://www.xiaohongshu.com/explore/65782f9a)", reading.Single.Note);
        Assert.Empty(reading.WithCode(DiagnosticCodes.UnknownListShape));
    }

    [Fact]
    public void A_heading_that_directly_holds_fields_is_the_papers_heading_with_no_sections()
    {
        var mention = Fixtures.Read(Fixtures.Lines(
            "## Instruction Finetune",
            "- **Paper**:[Scaling Instruction-Finetuned Language Models](https://arxiv.org/pdf/2210.11416.pdf)",
            "- **year**:2022/10")).Single;

        Assert.Equal("Instruction Finetune", mention.Name);
        Assert.Equal("2210.11416", mention.ArxivId);
        Assert.Empty(mention.Sections);
    }

    [Fact]
    public void Empty_headings_produce_nothing()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "## Surveys",
            "## MOE",
            "## PEFT",
            "### LoRA",
            "- **Paper**:[LoRA](https://arxiv.org/pdf/2106.09685.pdf)",
            "## Prompt Engineer"));

        var only = Assert.Single(reading.Mentions);
        Assert.Equal(["PEFT"], only.Sections.Select(s => s.Title));
        Assert.Empty(reading.Reading.TopicNotes);
    }

    [Fact]
    public void A_paper_field_whose_text_is_the_url_gives_no_title()
    {
        var mention = Fixtures.Read(Fixtures.Lines(
            "## llama2",
            "- **Paper**:[https://arxiv.org/pdf/2307.09288.pdf](https://arxiv.org/pdf/2307.09288.pdf)")).Single;

        Assert.Null(mention.Title);
        Assert.Equal("llama2", mention.Name);
        Assert.Equal("2307.09288", mention.ArxivId);
    }

    [Fact]
    public void A_paper_field_without_a_link_is_reported_and_gives_no_mention()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "## Secret",
            "- **Paper**: not yet published",
            "- **year**:2024/01"));

        Assert.Empty(reading.Mentions);
        Assert.Equal(2, Assert.Single(reading.WithCode(DiagnosticCodes.EntryWithoutPaper)).Location.Line);
    }

    [Fact]
    public void A_double_colon_after_the_summary_label_is_not_part_of_the_note()
    {
        var mention = Fixtures.Read(Fixtures.Lines(
            "## QLORA",
            "- **Paper**:[QLORA: Efficient Finetuning of Quantized LLMs](https://arxiv.org/pdf/2305.14314.pdf)",
            "- **summary/reason to read**::通过一个冻结的4位量化模型进行Lora训练")).Single;

        Assert.Equal("通过一个冻结的4位量化模型进行Lora训练", mention.Note);
    }

    [Theory]
    [InlineData("Lora", "LORA: LOW-RANK ADAPTATION OF LARGE LANGUAGE MODEL", true)]
    [InlineData("Instruct GPT", "Training language models to follow instructions with human feedback", true)]
    [InlineData("DeepSpeed ZeRO", "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models", true)]
    [InlineData("Attention Based", "LM-INFINITE: SIMPLE ON-THE-FLY LENGTH GENERALIZATION FOR LARGE LANGUAGE MODELS", false)]
    [InlineData("Fine-tuning based", "LONGLORA: EFFICIENT FINE-TUNING OF LONGCONTEXT LARGE LANGUAGE MODELS", false)]
    [InlineData("LongLLM vs RAG", "Can Long-Context Language Models Subsume Retrieval, RAG, SQL, and More?", false)]
    public void A_heading_that_names_a_category_is_not_the_papers_nickname(string heading, string title, bool nickname)
    {
        Assert.Equal(nickname ? heading : null, HeadingListReader.Nickname(heading, title));
    }
}
