using PaperAtlas.Diagnostics;
using PaperAtlas.Read;

namespace PaperAtlas.Tests.Read;

public sealed class YearTableReaderTests
{
    private static readonly string Timeline = Fixtures.Lines(
        "## Model",
        "| 年份 | 名字 | 简介 | 精读 |",
        "| ---- | ---- | ---- | ---- |",
        "| 2017 | [Transformer](https://arxiv.org/abs/1706.03762) | 继 MLP、CNN、RNN 后的第四大类架构 | [here](./research/transformer.md) |",
        "| 2019 | [GPT-2](https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf) | 更大的 GPT 模型 | here |",
        "| 2023 | [Llama 2](https://arxiv.org/abs/2307.09288) | 开源大模型 | |",
        "| 2021 | [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685) | 高效微调 | |");

    private static readonly string Placeholder = Fixtures.Lines(
        "## RWKV",
        "| 年份 | 名字 | 简介 | 精读 |",
        "| ---- | ---- | ---- | ---- |",
        "|      |      |      |      |");

    [Fact]
    public void A_table_starting_with_a_year_column_is_read_as_a_year_table()
    {
        Assert.Equal(ListShape.YearTable, Fixtures.Read(Timeline).Reading.List.Shape);
    }

    [Fact]
    public void A_year_table_row_gives_year_id_and_linked_name()
    {
        var transformer = Fixtures.Read(Timeline).Mentions[0];

        Assert.Equal(MentionKind.Entry, transformer.Kind);
        Assert.Equal(2017, transformer.Year);
        Assert.Equal("1706.03762", transformer.ArxivId);
        Assert.Equal("Transformer", transformer.Name);
        Assert.Null(transformer.Title);
    }

    [Fact]
    public void A_year_table_row_keeps_its_chinese_summary_as_the_note()
    {
        Assert.Equal("继 MLP、CNN、RNN 后的第四大类架构", Fixtures.Read(Timeline).Mentions[0].Note);
    }

    [Fact]
    public void The_stated_year_is_located_on_the_rows_line()
    {
        Assert.Equal(4, Fixtures.Read(Timeline).Mentions[0].YearLocation?.Line);
    }

    [Fact]
    public void A_non_arxiv_link_still_gives_a_mention_with_no_id()
    {
        var gpt2 = Fixtures.Read(Timeline).Mentions[1];

        Assert.Null(gpt2.ArxivId);
        Assert.Null(gpt2.Doi);
        Assert.Equal("GPT-2", gpt2.Name);
        Assert.Equal(2019, gpt2.Year);
        Assert.StartsWith("https://cdn.openai.com/", gpt2.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_name_like_llama_2_becomes_the_name_not_the_title()
    {
        var llama2 = Fixtures.Read(Timeline).Mentions[2];

        Assert.Equal("Llama 2", llama2.Name);
        Assert.Null(llama2.Title);
    }

    [Fact]
    public void A_full_title_with_a_colon_becomes_the_title_not_the_name()
    {
        var lora = Fixtures.Read(Timeline).Mentions[3];

        Assert.Equal("LoRA: Low-Rank Adaptation of Large Language Models", lora.Title);
        Assert.Null(lora.Name);
    }

    [Fact]
    public void Deep_read_links_are_not_papers_and_are_not_read_as_mentions()
    {
        var reading = Fixtures.Read(Timeline);

        Assert.Equal(4, reading.Mentions.Length);
        Assert.Empty(reading.Diagnostics);
    }

    [Fact]
    public void Empty_placeholder_rows_are_skipped_without_diagnostics()
    {
        var reading = Fixtures.Read(Placeholder);

        Assert.Empty(reading.Mentions);
        Assert.Empty(reading.Diagnostics);
    }

    [Fact]
    public void Tex_in_a_summary_is_kept_as_written()
    {
        var mention = Fixtures.Read(Fixtures.Lines(
            "| 年份 | 名字 | 简介 | 精读 |",
            "| ---- | ---- | ---- | ---- |",
            "| 2024 | [The Era of 1-bit LLMs: All Large Language Models are in 1.58 Bits](https://arxiv.org/abs/2402.17764) | 每个参数仅使用 $log_2(3)=1.58$ 比特 | |")).Single;

        Assert.Equal("每个参数仅使用 $log_2(3)=1.58$ 比特", mention.Note);
    }

    [Fact]
    public void A_row_missing_a_cell_is_an_error_at_its_line()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "| 年份 | 名字 | 简介 | 精读 |",
            "| ---- | ---- | ---- | ---- |",
            "| 2017 | [Transformer](https://arxiv.org/abs/1706.03762) | 架构 |"));

        Assert.Equal(3, Assert.Single(reading.WithCode(DiagnosticCodes.TableRowCells)).Location.Line);
    }
}
