using PaperAtlas.Read;

namespace PaperAtlas.Tests.RealLists;

/// <summary>What is read from the frozen copy of content/lists/llm-paper-timeline.md (Fixtures/seed): year tables with Chinese summaries.</summary>
public sealed class LlmPaperTimelineTests
{
    private static FixtureReading Reading => RealList.Read("llm-paper-timeline");

    private static PaperMention AtLine(int line) => Reading.Mentions.Single(m => m.Location.Line == line);

    [Fact]
    public void It_is_read_as_year_tables_without_diagnostics()
    {
        Assert.Equal(ListShape.YearTable, Reading.Reading.List.Shape);
        Assert.Empty(Reading.Diagnostics);
    }

    [Fact]
    public void It_has_40_rows_with_34_distinct_ids()
    {
        Assert.Equal(40, Reading.Mentions.Length);
        Assert.All(Reading.Mentions, m => Assert.Equal(MentionKind.Entry, m.Kind));
        Assert.Equal(34, Reading.Mentions.Select(m => m.ArxivId).OfType<string>().Distinct().Count());
    }

    [Fact]
    public void The_transformer_row_has_its_year_name_and_chinese_summary()
    {
        var transformer = Reading.Mentions.Single(m => m.ArxivId == "1706.03762");

        Assert.Equal((12, 10), (transformer.Location.Line, transformer.Location.Column));
        Assert.Equal(("Transformer", 2017), (transformer.Name, transformer.Year));
        Assert.Equal("继 MLP、CNN、RNN 后的第四大类架构", transformer.Note);
        Assert.Equal(["Model"], transformer.Sections.Select(s => s.Title));
    }

    [Fact]
    public void Openai_rows_without_arxiv_ids_are_still_mentions()
    {
        Assert.Equal([("GPT", 2018), ("GPT-2", 2019), ("ChatGPT", 2022), ("GPT-4", 2023)],
            Reading.Mentions.Where(m => m.ArxivId is null && m.Title is null).Select(m => (m.Name, m.Year)));
    }

    [Fact]
    public void Llama_2_is_a_name_not_a_title()
    {
        var llama2 = AtLine(23);

        Assert.Equal(("2307.09288", "Llama 2", null), (llama2.ArxivId, llama2.Name, llama2.Title));
        Assert.Equal("70B到70B参数量开源大模型可能成为闭源大模型替代品", llama2.Note);
    }

    [Fact]
    public void The_flashattention_row_links_neurips_with_no_id()
    {
        var flash = AtLine(44);

        Assert.Null(flash.ArxivId);
        Assert.Equal("FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness", flash.Title);
        Assert.StartsWith("https://proceedings.neurips.cc/", flash.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void A_starred_title_is_read_from_its_link()
    {
        var survey = AtLine(32);

        Assert.Equal(("2303.18223", "A Survey of Large Language Models"), (survey.ArxivId, survey.Title));
        Assert.Equal("LLM 必看综述: 资源、预训练、微调、应用、能力等", survey.Note);
    }

    [Fact]
    public void The_huggingface_row_is_read_as_its_arxiv_id()
    {
        Assert.Equal("2409.12186", AtLine(91).ArxivId);
    }

    [Fact]
    public void The_tex_in_the_1_bit_summary_is_kept()
    {
        Assert.Contains("$log_2(3)=1.58$", AtLine(52).Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_empty_rwkv_and_mamba_tables_give_nothing()
    {
        Assert.DoesNotContain(Reading.Mentions, m => m.Sections.Any(s => s.Title is "RWKV" or "Mamba"));
    }

    [Fact]
    public void Chain_of_thought_states_2023_on_line_80()
    {
        var cot = Reading.Mentions.Single(m => m.ArxivId == "2201.11903");

        Assert.Equal((2023, 80), (cot.Year, cot.YearLocation?.Line));
    }
}
