using PaperAtlas.Read;

namespace PaperAtlas.Tests.RealLists;

/// <summary>What is read from the frozen copy of content/lists/llmfreshman.md (Fixtures/seed): tables by technique, derived works, a reading path.</summary>
public sealed class LlmfreshmanTests
{
    private static FixtureReading Reading => RealList.Read("llmfreshman");

    private static PaperMention Mention(string id) => Reading.Mentions.Single(m => m.ArxivId == id);

    [Fact]
    public void It_is_read_as_a_table_list_without_diagnostics()
    {
        Assert.Equal(ListShape.Table, Reading.Reading.List.Shape);
        Assert.Empty(Reading.Diagnostics);
    }

    [Fact]
    public void It_has_22_table_rows_and_3_derived_works_with_25_distinct_ids()
    {
        Assert.Equal(25, Reading.Mentions.Length);
        Assert.Equal(22, Reading.Mentions.Count(m => m.Kind == MentionKind.Entry));
        Assert.Equal(3, Reading.Mentions.Count(m => m.Kind == MentionKind.DerivedWork));
        Assert.Equal(25, Reading.Mentions.Select(m => m.ArxivId).Distinct().Count());
    }

    [Fact]
    public void The_first_row_is_clip_under_the_multimodal_heading()
    {
        var clip = Reading.Mentions[0];

        Assert.Equal("2103.00020", clip.ArxivId);
        Assert.Equal("CLIP", clip.Name);
        Assert.Equal("Learning Transferable Visual Models From Natural Language Supervision", clip.Title);
        Assert.Equal(["一、多模态基础模型"], clip.Sections.Select(s => s.Title));
        Assert.Equal(18, clip.Location.Line);
    }

    [Fact]
    public void The_rlhf_row_keeps_instructgpt_as_its_note()
    {
        var rlhf = Mention("2203.02155");

        Assert.Equal(("RLHF", "InstructGPT", 27), (rlhf.Name, rlhf.Note, rlhf.Location.Line));
        Assert.Equal("Training Language Models to Follow Instructions with Human Feedback", rlhf.Title);
    }

    [Fact]
    public void Chinese_text_after_a_link_is_the_rows_note()
    {
        Assert.Equal("2024腾讯", Mention("2404.07837").Note);
        Assert.Equal("华为", Mention("2402.00819").Note);
    }

    [Fact]
    public void Llava_1_5_is_a_derived_work_of_llava_with_its_chinese_note()
    {
        var llava15 = Mention("2310.03744");

        Assert.Equal((MentionKind.DerivedWork, "LLaVA-1.5", "LLaVA", "性能提升版"), (llava15.Kind, llava15.Name, llava15.DerivedFrom, llava15.Note));
        Assert.Equal(72, llava15.Location.Line);
    }

    [Fact]
    public void Ipo_and_kto_are_derived_works_of_dpo()
    {
        Assert.Equal(("IPO", "DPO", 74), (Mention("2310.12036").Name, Mention("2310.12036").DerivedFrom, Mention("2310.12036").Location.Line));
        Assert.Equal(("KTO", "DPO", 75), (Mention("2402.01306").Name, Mention("2402.01306").DerivedFrom, Mention("2402.01306").Location.Line));
    }

    [Fact]
    public void The_reading_path_has_six_steps_in_order()
    {
        var path = Assert.Single(Reading.Reading.ReadingPaths);

        Assert.Equal(["CLIP", "LLaMA", "LoRA", "RLHF/DPO", "LLaVA", "vLLM"], path.Steps.Select(s => string.Join('/', s)));
        Assert.Equal("建议按技术演进顺序阅读", path.Title);
        Assert.Equal(81, path.Location.Line);
    }

    [Fact]
    public void The_reading_path_resolves_every_step_to_the_lists_papers()
    {
        var path = Assert.Single(SeedContent.Analysis.Graph.ReadingPaths, p => p.Source == "llmfreshman");

        Assert.Equal(
            [["2103.00020"], ["2302.13971"], ["2106.09685"], ["2203.02155", "2305.18290"], ["2304.08485"], ["2309.06180"]],
            path.Steps.Select(s => s.PaperIds.ToArray()));
    }

    [Fact]
    public void Resource_links_to_github_and_docs_are_not_papers()
    {
        Assert.DoesNotContain(Reading.Mentions, m => m.Url!.Contains("github.com", StringComparison.Ordinal) || m.Url.Contains("readthedocs", StringComparison.Ordinal));
    }
}
