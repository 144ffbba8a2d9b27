using PaperAtlas.Diagnostics;

namespace PaperAtlas.Tests.Normalise;

public sealed class MergeTests
{
    private static readonly (string, string) TableList = ("content/lists/table.md", Fixtures.Lines(
        "| 技术 | 论文标题 | arXiv链接 |",
        "|------|----------|-----------|",
        "| **LoRA** | LoRA: Low-Rank Adaptation of Large Language Models | [arXiv:2106.09685](https://arxiv.org/abs/2106.09685) |",
        "| **FlashAttention** | FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness | [arXiv:2205.14135](https://arxiv.org/abs/2205.14135) |"));

    private static readonly (string, string) HeadingList = ("content/lists/headings.md", Fixtures.Lines(
        "## Lora",
        "- **Paper**:[LORA: LOW-RANK ADAPTATION OF LARGE LANGUAGE MODEL](https://arxiv.org/pdf/2106.09685v2.pdf)",
        "- **year**:2021/06"));

    private static readonly (string, string) YearTable = ("content/lists/years.md", Fixtures.Lines(
        "| 年份 | 名字 | 简介 | 精读 |",
        "| ---- | ---- | ---- | ---- |",
        "| 2021 | [LoRA](https://huggingface.co/papers/2106.09685) | 高效微调 | |",
        "| 2022 | [FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness](https://proceedings.neurips.cc/paper_files/paper/2022/hash/67d57c32e20fd0a7a302cb81d36e40d5-Abstract-Conference.html) | IO感知的注意力 | |",
        "| 2019 | [GPT-2](https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf) | 更大的 GPT 模型 | here |",
        "| 2023 | [Chain-of-Thought Prompting Elicits Reasoning in Large Language Models](https://arxiv.org/abs/2201.11903) | 思维链 | |"));

    private static FixtureGraph All() => Fixtures.Graph(TableList, HeadingList, YearTable);

    [Fact]
    public void One_id_written_in_three_link_forms_across_three_lists_is_one_paper()
    {
        var lora = All().Paper("2106.09685");

        Assert.Equal(["headings", "table", "years"], lora.Mentions.Select(m => m.ListId).Order(StringComparer.Ordinal));
        Assert.Single(All().Graph.Papers, p => p.ArxivId == "2106.09685");
    }

    [Fact]
    public void Papers_are_ordered_by_id_and_ids_are_unique()
    {
        var ids = All().Graph.Papers.Select(p => p.Id).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void A_mixed_case_title_wins_over_the_same_title_in_capitals()
    {
        Assert.Equal("LoRA: Low-Rank Adaptation of Large Language Models", All().Paper("2106.09685").Title);
    }

    [Fact]
    public void Names_lists_give_a_paper_become_one_alias_whatever_their_case()
    {
        var alias = Assert.Single(All().Paper("2106.09685").Aliases);

        Assert.Equal("lora", alias, ignoreCase: true);
    }

    [Fact]
    public void An_id_less_neurips_mention_merges_into_the_arxiv_paper_with_the_same_title()
    {
        var graph = All();
        var flash = graph.Paper("2205.14135");

        Assert.Equal(2, flash.Mentions.Length);
        Assert.Contains(flash.Mentions, m => m.ArxivId is null && m.Url!.StartsWith("https://proceedings.neurips.cc/", StringComparison.Ordinal));
        Assert.DoesNotContain(graph.Graph.Papers, p => p.Id != "2205.14135" && p.Title.StartsWith("FlashAttention", StringComparison.Ordinal));
    }

    [Fact]
    public void The_neurips_link_becomes_one_of_the_merged_papers_links()
    {
        Assert.Contains(All().Paper("2205.14135").Links, l => l.Label == "proceedings.neurips.cc");
    }

    [Fact]
    public void A_non_arxiv_paper_is_kept_under_a_key_made_from_its_name()
    {
        var gpt2 = All().Paper("gpt-2");

        Assert.Null(gpt2.ArxivId);
        Assert.Equal("GPT-2", gpt2.Title);
        Assert.Equal(2019, gpt2.Year);
        Assert.Null(gpt2.Month);
        Assert.Equal("gpt-2", gpt2.Slug);
    }

    [Fact]
    public void Year_and_month_come_from_the_arxiv_id_when_the_list_says_nothing()
    {
        var graph = Fixtures.Graph(TableList);
        var flash = graph.Paper("2205.14135");

        Assert.Null(Assert.Single(flash.Mentions).Year);
        Assert.Equal((2022, 5), (flash.Year, flash.Month));
    }

    [Fact]
    public void A_stated_year_that_disagrees_with_the_id_is_PA302_at_the_years_line()
    {
        var warning = Assert.Single(All().WithCode(DiagnosticCodes.YearMismatch));

        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(("content/lists/years.md", 6), (warning.Location.File, warning.Location.Line));
        Assert.Contains("2201.11903", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mention_with_a_disagreeing_year_keeps_its_stated_year_but_the_paper_takes_the_ids()
    {
        var cot = All().Paper("2201.11903");

        Assert.Equal(2023, Assert.Single(cot.Mentions).Year);
        Assert.Equal((2022, 1), (cot.Year, cot.Month));
    }

    [Fact]
    public void A_stated_month_that_disagrees_with_the_id_is_PA302_too()
    {
        var graph = Fixtures.Graph(("content/lists/notes.md", Fixtures.Lines(
            "## Instruct GPT",
            "- **Paper**:[Training language models to follow instructions with human feedback](https://arxiv.org/pdf/2203.02155.pdf)",
            "- **year**:2022/02")));

        Assert.Equal(3, Assert.Single(graph.WithCode(DiagnosticCodes.YearMismatch)).Location.Line);
        Assert.Equal((2022, 3), (graph.Paper("2203.02155").Year, graph.Paper("2203.02155").Month));
    }

    [Fact]
    public void One_id_under_two_different_titles_is_a_PA301_warning_at_the_odd_title()
    {
        var graph = Fixtures.Graph(
            ("content/lists/a.md", Fixtures.Lines(
                "| 技术 | 论文标题 | arXiv链接 |",
                "|------|----------|-----------|",
                "| **RLHF** | Training language models to follow instructions with human feedback | [arXiv:2203.02155](https://arxiv.org/abs/2203.02155) |",
                "| **InstructGPT** | Training language models to follow instructions with human feedback | [arXiv:2203.02155](https://arxiv.org/abs/2203.02155) |")),
            ("content/lists/b.md", Fixtures.Lines(
                "## Instruction Finetune",
                "- **Paper**:[Scaling Instruction-Finetuned Language Models](https://arxiv.org/pdf/2203.02155.pdf)")));

        var warning = Assert.Single(graph.WithCode(DiagnosticCodes.TitleConflict));
        Assert.Equal(("content/lists/b.md", 2, 13), (warning.Location.File, warning.Location.Line, warning.Location.Column));
        Assert.Equal("Training language models to follow instructions with human feedback", graph.Paper("2203.02155").Title);
        Assert.Equal(3, graph.Paper("2203.02155").Mentions.Length);
    }

    [Fact]
    public void A_derived_work_becomes_an_edge_to_the_entry_it_builds_on()
    {
        var graph = Fixtures.Graph(("content/lists/derived.md", Fixtures.Lines(
            "| 技术 | 论文标题 | arXiv链接 |",
            "|------|----------|-----------|",
            "| **DPO** | Direct Preference Optimization | [arXiv:2305.18290](https://arxiv.org/abs/2305.18290) |",
            "",
            "- **衍生工作推荐**：",
            "  - **DPO变种**：",
            "    - IPO ([arXiv:2310.12036](https://arxiv.org/abs/2310.12036))")));

        var edge = Assert.Single(graph.Graph.Edges);
        Assert.Equal(("2310.12036", "2305.18290", "variant-of", "derived"), (edge.From, edge.To, edge.Kind, edge.Source));
    }

    [Fact]
    public void A_reading_path_resolves_its_steps_to_papers_by_the_lists_names()
    {
        var graph = Fixtures.Graph(("content/lists/path.md", Fixtures.Lines(
            "| 技术 | 论文标题 | arXiv链接 |",
            "|------|----------|-----------|",
            "| **LoRA** | LoRA: Low-Rank Adaptation of Large Language Models | [arXiv:2106.09685](https://arxiv.org/abs/2106.09685) |",
            "| **DPO** | Direct Preference Optimization | [arXiv:2305.18290](https://arxiv.org/abs/2305.18290) |",
            "",
            "> **LoRA → DPO → Nowhere**")));

        var path = Assert.Single(graph.Graph.ReadingPaths);
        Assert.Equal([["2106.09685"], ["2305.18290"], []], path.Steps.Select(s => s.PaperIds.ToArray()));
        Assert.Equal(6, Assert.Single(graph.WithCode(DiagnosticCodes.UnresolvedPathStep)).Location.Line);
    }

    [Fact]
    public void A_doi_mention_with_the_same_title_as_an_arxiv_paper_is_that_paper()
    {
        var graph = Fixtures.Graph(("content/lists/mixed.md", Fixtures.Lines(
            "| 年份 | 名字 | 简介 | 精读 |",
            "| ---- | ---- | ---- | ---- |",
            "| 2023 | [Lost in the Middle: How Language Models Use Long Contexts](https://arxiv.org/abs/2307.03172) | 长上下文 | |",
            "| 2024 | [Lost in the Middle: How Language Models Use Long Contexts](https://doi.org/10.1162/tacl_a_00638) | TACL 版 | |")));

        Assert.Single(graph.Graph.Papers);
    }

    [Fact]
    public void A_title_only_mention_of_a_merged_doi_papers_other_title_joins_the_arxiv_paper()
    {
        var graph = Fixtures.Graph(("content/lists/mixed.md", Fixtures.Lines(
            "| 年份 | 名字 | 简介 | 精读 |",
            "| ---- | ---- | ---- | ---- |",
            "| 2023 | [Lost in the Middle: How Language Models Use Long Contexts](https://arxiv.org/abs/2307.03172) | 长上下文 | |",
            "| 2024 | [Lost in the Middle: How Language Models Use Long Contexts](https://doi.org/10.1162/tacl_a_00638) | TACL 版 | |",
            "| 2024 | [Lost in the Middle, TACL version](https://doi.org/10.1162/tacl_a_00638) | 期刊版 | |",
            "| 2024 | Lost in the Middle, TACL version | 无链接 | |")));

        var paper = Assert.Single(graph.Graph.Papers);
        Assert.Equal(4, paper.Mentions.Length);
    }

    [Fact]
    public void A_reading_path_declared_in_site_yml_resolves_ids_and_nicknames()
    {
        using var folder = new TempFolder();
        folder.Write("content/lists/table.md", TableList.Item2);
        folder.Write("content/site.yml", Fixtures.Lines(
            "title: T",
            "reading_paths:",
            "  - title: Fine-tuning fast",
            "    steps: [FlashAttention, 2106.09685]"));

        var analysis = SiteBuilder.Analyse(folder.PathOf("content"));

        var path = Assert.Single(analysis.Graph.ReadingPaths);
        Assert.Equal(("Fine-tuning fast", "site"), (path.Title, path.Source));
        Assert.Equal([["2205.14135"], ["2106.09685"]], path.Steps.Select(s => s.PaperIds.ToArray()));
    }
}
