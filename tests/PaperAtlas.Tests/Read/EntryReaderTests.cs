using PaperAtlas.Read;

namespace PaperAtlas.Tests.Read;

/// <summary>The entry model of generic lists: what one list item, row or paragraph says about the paper it links.</summary>
public sealed class EntryReaderTests
{
    private static PaperMention Only(params string[] lines) => Fixtures.Read(Fixtures.Lines(lines)).Single;

    [Fact]
    public void A_linked_title_is_the_title()
    {
        var mention = Only("- [Attention Is All You Need](https://arxiv.org/abs/1706.03762), the Transformer");

        Assert.Equal(("Attention Is All You Need", "1706.03762"), (mention.Title, mention.ArxivId));
        Assert.Equal("the Transformer", mention.Note);
    }

    [Theory]
    [InlineData("[Paper]")]
    [InlineData("[[paper]]")]
    [InlineData("[pdf]")]
    [InlineData("[📖 arXiv]")]
    [InlineData("[Project Page]")]
    [InlineData("[[Tech.Report]]")]
    public void A_link_word_is_never_the_title(string link)
    {
        var mention = Only($"- **Scaling Laws for Neural Language Models** {link}(https://arxiv.org/abs/2001.08361)");

        Assert.Equal("Scaling Laws for Neural Language Models", mention.Title);
    }

    [Fact]
    public void A_bold_linked_title_in_a_numbered_item_loses_its_trailing_period_and_takes_authors_and_venue_from_the_next_paragraph()
    {
        var mention = Only(
            "1. **[Large Language Models Can Self-Improve.](https://arxiv.org/abs/2210.11610)** [[code](https://github.com/example/lmsi)]",
            "",
            "    *Jiaxin Huang, Shixiang Shane Gu, Le Hou.* EMNLP'23");

        Assert.Equal("Large Language Models Can Self-Improve", mention.Title);
        Assert.Equal(["Jiaxin Huang", "Shixiang Shane Gu", "Le Hou"], mention.Authors.ToArray());
        Assert.Equal("EMNLP'23", mention.Venue);
        Assert.Equal([new PaperLinkRef("code", "https://github.com/example/lmsi")], mention.Links.ToArray());
        Assert.Equal("", mention.Note);
    }

    [Fact]
    public void An_underlined_short_name_before_the_title_is_the_nickname_and_an_italic_et_al_the_authors()
    {
        var mention = Only("- <u>UL2</u>: **Unifying Language Learning Paradigms** *Yi Tay et al.* arXiv 2022. [[paper]](https://arxiv.org/abs/2205.05131)");

        Assert.Equal(("Unifying Language Learning Paradigms", "UL2"), (mention.Title, mention.Name));
        Assert.Equal(["Yi Tay", "others"], mention.Authors.ToArray());
        Assert.Equal("arXiv 2022", mention.Venue);
    }

    [Theory]
    [InlineData("- T5 **\"Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer\"**. *Colin Raffel et al.* JMLR 2019. [Paper](https://arxiv.org/abs/1910.10683)",
        "T5", "Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer")]
    [InlineData("- GPT-NeoX-20B: **GPT-NeoX-20B: An Open-Source Autoregressive Language Model**. 2022. [Paper](https://arxiv.org/abs/2204.06745)",
        "GPT-NeoX-20B", "GPT-NeoX-20B: An Open-Source Autoregressive Language Model")]
    [InlineData("- **UL2**: **Unifying Language Learning Paradigms** [paper](https://arxiv.org/abs/2205.05131)", "UL2", "Unifying Language Learning Paradigms")]
    public void A_short_name_before_a_bold_title_is_the_nickname(string line, string nickname, string title)
    {
        var mention = Only(line);

        Assert.Equal((title, nickname), (mention.Title, mention.Name));
    }

    [Fact]
    public void A_bold_title_broken_over_a_hard_line_break_is_one_entry_with_its_venue_and_links_on_the_next_line()
    {
        var mention = Only(
            "- 🌟 **MME-Survey: A Comprehensive Survey on Evaluation of Multimodal LLMs**  ",
            "arXiv 2025, [Paper](https://arxiv.org/pdf/2411.15296.pdf), [Project](https://github.com/example/mme)");

        Assert.Equal("MME-Survey: A Comprehensive Survey on Evaluation of Multimodal LLMs", mention.Title);
        Assert.Null(mention.Name);
        Assert.Equal("arXiv 2025", mention.Venue);
        Assert.Equal("https://github.com/example/mme", Assert.Single(mention.Links).Url);
    }

    [Fact]
    public void Without_marks_the_title_is_the_text_before_the_link_without_its_enumerator_and_description()
    {
        var mention = Only(
            "Foundation models:",
            "3) SEEDS - a generative AI model for weather forecast ensembles [paper](https://arxiv.org/abs/2306.14066)");

        Assert.Equal("SEEDS", mention.Name);
        Assert.Null(mention.Title);
        Assert.Equal("a generative AI model for weather forecast ensembles", mention.Note);
    }

    [Fact]
    public void A_plain_title_line_above_a_labelled_bare_url_is_the_title()
    {
        var mention = Only(
            "- Longformer: The Long-Document Transformer",
            "  论文地址：https://arxiv.org/abs/2004.05150");

        Assert.Equal(("Longformer: The Long-Document Transformer", "2004.05150"), (mention.Title, mention.ArxivId));
        Assert.Equal("", mention.Note);
    }

    [Theory]
    [InlineData("- Attention Is All You Need arXiv:1706.03762", "1706.03762")]
    [InlineData("- Attention Is All You Need (arXiv 1706.03762v5)", "1706.03762")]
    [InlineData("- Attention Is All You Need <https://arxiv.org/abs/1706.03762>", "1706.03762")]
    [InlineData("- Attention Is All You Need https://arxiv.org/pdf/1706.03762.pdf", "1706.03762")]
    [InlineData("- Attention Is All You Need <a href=\"https://arxiv.org/abs/1706.03762\">pdf</a>", "1706.03762")]
    public void Every_link_form_in_running_text_is_a_paper_with_the_text_before_it_as_title(string line, string id)
    {
        var mention = Only(line);

        Assert.Equal((id, "Attention Is All You Need"), (mention.ArxivId, mention.Title));
    }

    [Fact]
    public void Arxiv_followed_by_a_year_is_no_id()
    {
        Assert.Empty(Fixtures.Read("- A survey of large language models, arXiv 2023, [blog](https://example.com/survey)\n").Mentions);
    }

    [Fact]
    public void A_badge_wrapped_link_is_a_paper_titled_by_its_entry()
    {
        var mention = Only("- [![arXiv](https://img.shields.io/badge/arXiv-2305.18290-b31b1b.svg)](https://arxiv.org/abs/2305.18290) **Direct Preference Optimization: Your Language Model is Secretly a Reward Model**");

        Assert.Equal(("2305.18290", "Direct Preference Optimization: Your Language Model is Secretly a Reward Model"), (mention.ArxivId, mention.Title));
    }

    [Fact]
    public void A_quoted_title_is_the_title()
    {
        var mention = Only("- Chinchilla, \"Training Compute-Optimal Large Language Models\", NeurIPS 2022 [pdf](https://arxiv.org/abs/2203.15556)");

        Assert.Equal("Training Compute-Optimal Large Language Models", mention.Title);
        Assert.Equal("NeurIPS 2022", mention.Venue);
    }

    [Fact]
    public void A_title_linked_to_its_project_page_is_the_title_of_the_paper_link_beside_it()
    {
        var mention = Only("- [Visual Instruction Tuning with Large Language Models](https://llava-vl.github.io) [[paper]](https://arxiv.org/abs/2304.08485) [[code]](https://github.com/haotian-liu/LLaVA)");

        Assert.Equal("Visual Instruction Tuning with Large Language Models", mention.Title);
        Assert.Equal("https://github.com/haotian-liu/LLaVA", Assert.Single(mention.Links).Url);
    }

    [Fact]
    public void A_short_linked_name_beside_a_bold_title_is_the_nickname()
    {
        var mention = Only("- [LLaVA](https://arxiv.org/abs/2304.08485) **Visual Instruction Tuning with Large Language Models**");

        Assert.Equal(("Visual Instruction Tuning with Large Language Models", "LLaVA"), (mention.Title, mention.Name));
    }

    [Fact]
    public void A_bare_year_is_the_stated_year_and_a_venue_keeps_its_own_year()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "- RoBERTa **RoBERTa: A Robustly Optimized BERT Pretraining Approach**, 2019, [Paper](https://arxiv.org/abs/1907.11692)",
            "- **Emergent abilities of large language models**, TMLR 2022 [Paper](https://arxiv.org/abs/2206.07682)"));

        Assert.Equal((2019, null, "RoBERTa"), (reading.Mentions[0].Year, reading.Mentions[0].Venue, reading.Mentions[0].Name));
        Assert.Equal((null, "TMLR 2022"), (reading.Mentions[1].Year, reading.Mentions[1].Venue));
    }

    [Fact]
    public void A_table_row_reads_its_title_venue_date_and_code_from_the_columns_the_header_names()
    {
        var mention = Fixtures.Read(Fixtures.Lines(
            "|  Title  |   Venue  |   Date   |   Code   |   Demo   |",
            "|:--------|:--------:|:--------:|:--------:|:--------:|",
            "| ![Star](https://img.shields.io/github/stars/x/y.svg?style=social&label=Star) <br> [**Qwen2.5-VL Technical Report**](https://arxiv.org/pdf/2502.13923) <br> | arXiv | 2025-02-19 | [Github](https://github.com/QwenLM/Qwen2.5-VL) | [Demo](https://example.com/demo) |")).Single;

        Assert.Equal(("Qwen2.5-VL Technical Report", "arXiv", 2025, 2), (mention.Title, mention.Venue, mention.Year, mention.Month));
        Assert.Equal("https://github.com/QwenLM/Qwen2.5-VL", Assert.Single(mention.Links).Url);
        Assert.Equal("", mention.Note);
    }

    [Fact]
    public void A_bold_name_column_is_the_nickname_of_the_paper_linked_in_the_paper_column()
    {
        var mention = Fixtures.Read(Fixtures.Lines(
            "| Name | Paper | Link | Notes |",
            "|:-----|:-----:|:----:|:-----:|",
            "| **MMBench** | [MMBench: Is Your Multi-modal Model an All-around Player?](https://arxiv.org/pdf/2307.06281.pdf) | [Link](https://github.com/open-compass/MMBench) | A systematically-designed benchmark |")).Single;

        Assert.Equal(("MMBench: Is Your Multi-modal Model an All-around Player?", "MMBench"), (mention.Title, mention.Name));
        Assert.Equal("A systematically-designed benchmark", mention.Note);
    }

    [Fact]
    public void A_paper_linked_in_a_raw_html_table_row_is_read_with_the_row()
    {
        var mention = Fixtures.Read(Fixtures.Lines(
            "<table>",
            "<tr><th>Model</th><th>Paper</th></tr>",
            "<tr>",
            "<td>LLaMA</td>",
            "<td><a href=\"https://arxiv.org/abs/2302.13971\">LLaMA: Open and Efficient Foundation Language Models</a></td>",
            "</tr>",
            "</table>")).Single;

        Assert.Equal(("2302.13971", "LLaMA: Open and Efficient Foundation Language Models", "LLaMA"), (mention.ArxivId, mention.Title, mention.Name));
        Assert.Equal(5, mention.Location.Line);
        Assert.Equal("", mention.Anchor);
    }

    [Fact]
    public void A_line_per_paper_in_one_item_gives_a_mention_per_paper_each_with_its_own_title()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "- **Direct Preference Optimization** [paper](https://arxiv.org/abs/2305.18290)",
            "  **A General Theoretical Paradigm to Understand Learning from Human Preferences** [paper](https://arxiv.org/abs/2310.12036)"));

        Assert.Equal(["Direct Preference Optimization", "A General Theoretical Paradigm to Understand Learning from Human Preferences"], reading.Mentions.Select(m => m.Title));
    }

    [Fact]
    public void Two_links_to_one_paper_in_an_entry_are_one_mention()
    {
        var mention = Only("- **QLoRA: Efficient Finetuning of Quantized LLMs** [[abs]](https://arxiv.org/abs/2305.14314) [[pdf]](https://arxiv.org/pdf/2305.14314v1.pdf)");

        Assert.Equal("2305.14314", mention.ArxivId);
    }

    [Fact]
    public void A_link_in_the_middle_of_a_sentence_stays_in_the_note()
    {
        var mention = Fixtures.Read("We liked [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685) a lot.\n").Single;

        Assert.Equal("We liked LoRA: Low-Rank Adaptation of Large Language Models a lot", mention.Note);
    }

    [Fact]
    public void A_plain_text_id_in_a_list_a_shape_reader_read_whole_is_not_read_again()
    {
        var reading = Fixtures.Read(Fixtures.Lines(
            "#### 引用的著作",
            "1. Switch Transformers, arXiv:2101.03961v3 [cs.LG], accessed 2024"));

        Assert.Equal(MentionKind.WorksCited, reading.Single.Kind);
    }

    [Fact]
    public void Chinese_labelled_lines_give_title_link_and_note()
    {
        var mention = Only(
            "1. **论文名称**：Attention Is All You Need",
            "   **论文地址**：https://arxiv.org/abs/1706.03762",
            "   **简介**：提出 Transformer 架构");

        Assert.Equal(("1706.03762", "Attention Is All You Need"), (mention.ArxivId, mention.Title));
        Assert.Equal("提出 Transformer 架构", mention.Note);
    }

    [Fact]
    public void Labelled_lines_give_authors_venue_and_date()
    {
        var mention = Only(
            "- Title: Attention Is All You Need",
            "  Authors: Ashish Vaswani, Noam Shazeer",
            "  Venue: NeurIPS 2017",
            "  Date: 2017-06",
            "  Paper: https://arxiv.org/abs/1706.03762");

        Assert.Equal("Attention Is All You Need", mention.Title);
        Assert.Equal(["Ashish Vaswani", "Noam Shazeer"], mention.Authors.ToArray());
        Assert.Equal(("NeurIPS 2017", 2017, 6), (mention.Venue, mention.Year, mention.Month));
        Assert.Equal("", mention.Note);
    }

    [Fact]
    public void A_list_of_labelled_fields_is_one_entry_whose_title_field_names_the_paper()
    {
        var mention = Only(
            "### 1. Transformer",
            "- 论文：Attention Is All You Need",
            "- 地址：https://arxiv.org/abs/1706.03762",
            "- 简介：提出了完全基于注意力机制的架构");

        Assert.Equal(("1706.03762", "Attention Is All You Need", "提出了完全基于注意力机制的架构"), (mention.ArxivId, mention.Title, mention.Note));
    }

    [Fact]
    public void A_numbered_entry_with_italic_authors_venue_and_a_bracketed_bold_nickname_reads_them_all()
    {
        var mention = Only("1. **Deep contextualized word representations**. *Matthew E. Peters, Mark Neumann, Luke Zettlemoyer*. NAACL 2018. [[pdf](https://arxiv.org/pdf/1802.05365.pdf)] [[project](https://allennlp.org/elmo)] (**ELMo**)");

        Assert.Equal(("Deep contextualized word representations", "ELMo", "NAACL 2018"), (mention.Title, mention.Name, mention.Venue));
        Assert.Equal(["Matthew E. Peters", "Mark Neumann", "Luke Zettlemoyer"], mention.Authors.ToArray());
        Assert.Equal("", mention.Note);
    }

    [Fact]
    public void A_date_field_before_the_title_in_a_piped_line_is_the_stated_date()
    {
        var mention = Only("- 2023.05 | Tree of Thoughts: Deliberate Problem Solving with Large Language Models | arXiv:2305.10601");

        Assert.Equal(("Tree of Thoughts: Deliberate Problem Solving with Large Language Models", 2023, 5), (mention.Title, mention.Year, mention.Month));
    }

    [Fact]
    public void A_paragraph_of_title_authors_and_links_over_hard_line_breaks_is_one_entry()
    {
        var mention = Only(
            "**Chain-of-Thought Prompting Elicits Reasoning in Large Language Models**  ",
            "*Jason Wei, Xuezhi Wang, Dale Schuurmans*  ",
            "NeurIPS 2022 · [[Paper]](https://arxiv.org/abs/2201.11903) · [[Code]](https://github.com/example/cot)");

        Assert.Equal(("Chain-of-Thought Prompting Elicits Reasoning in Large Language Models", "NeurIPS 2022"), (mention.Title, mention.Venue));
        Assert.Equal(["Jason Wei", "Xuezhi Wang", "Dale Schuurmans"], mention.Authors.ToArray());
        Assert.Equal("https://github.com/example/cot", Assert.Single(mention.Links).Url);
    }

    [Fact]
    public void A_numbered_row_of_a_table_list_is_titled_by_its_bold_name_with_the_description_as_note()
    {
        var mention = Fixtures.Read(Fixtures.Lines(
            "| **Paper**  | **Links** |",
            "| ------------- | ------------- |",
            "| 1) **Llama 2** - a collection of pretrained and fine-tuned LLMs from 7B to 70B parameters. | [Paper](https://arxiv.org/abs/2307.09288), [Tweet](https://twitter.com/example/status/1) |")).Single;

        Assert.Equal(("Llama 2", "a collection of pretrained and fine-tuned LLMs from 7B to 70B parameters"), (mention.Title, mention.Note));
    }

    [Fact]
    public void A_numbered_row_without_bold_is_titled_by_the_words_before_its_description()
    {
        var mention = Fixtures.Read(Fixtures.Lines(
            "| Paper | Links |",
            "| ----- | ----- |",
            "| 3) SEEDS - a generative AI model based on diffusion | [Paper](https://arxiv.org/abs/2306.14066) |")).Single;

        Assert.Equal(("SEEDS", "a generative AI model based on diffusion"), (mention.Title, mention.Note));
    }

    [Theory]
    [InlineData("1. Attention Is All You Need. NeurIPS 2017. [[pdf]](https://arxiv.org/abs/1706.03762)")]
    [InlineData("1. Attention Is All You Need, NeurIPS 2017 [pdf](https://arxiv.org/abs/1706.03762)")]
    public void An_unmarked_title_ends_before_its_venue_and_year(string line)
    {
        var mention = Only(line);

        Assert.Equal(("Attention Is All You Need", "NeurIPS 2017"), (mention.Title, mention.Venue));
    }

    [Fact]
    public void An_entry_that_names_no_paper_first_under_a_heading_is_the_paper_the_heading_names()
    {
        var mention = Only(
            "## Alignment",
            "### Direct Preference Optimization: Your Language Model is Secretly a Reward Model",
            "",
            "[paper](https://arxiv.org/abs/2305.18290) | [code](https://github.com/eric-mitchell/direct-preference-optimization)");

        Assert.Equal("Direct Preference Optimization: Your Language Model is Secretly a Reward Model", mention.Title);
        Assert.Equal(mention.Title, mention.OwnHeading?.Title);
        Assert.Equal(["Alignment"], mention.Sections.Select(s => s.Title));
    }

    [Fact]
    public void Authors_before_et_al_are_read_whatever_follows_it()
    {
        var mention = Only("- [2023/05] **StarCoder: may the source be with you!** *Li et al. arXiv* [[paper](https://arxiv.org/abs/2305.06161)] [[repo](https://github.com/bigcode-project/starcoder)]");

        Assert.Equal(["Li", "others"], mention.Authors.ToArray());
        Assert.Equal((2023, 5), (mention.Year, mention.Month));
        Assert.Equal("https://github.com/bigcode-project/starcoder", Assert.Single(mention.Links).Url);
    }
}
