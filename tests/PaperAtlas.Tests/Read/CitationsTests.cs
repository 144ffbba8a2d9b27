using PaperAtlas.Read;

namespace PaperAtlas.Tests.Read;

public sealed class CitationsTests
{
    private static int[] Numbers(string text, int max = 200) => [.. Citations.Find(text, max).Select(c => c.Number)];

    [Theory]
    [InlineData("该论文 1 标志着现代深度学习", new[] { 1 })]
    [InlineData("能更有效地捕捉长距离依赖 3。", new[] { 3 })]
    [InlineData("均由 $N$ 层相同的层堆叠而成 4。  ", new[] { 4 })]
    [InlineData("这是一个例子（53）", new[] { 53 })]
    [InlineData("\"Mixtral of Experts\" 34 是 MoE 架构", new[] { 34 })]
    [InlineData("BERT 6 的出现", new[] { 6 })]
    [InlineData("拼接并再次进行线性投影 1。其动机是 1", new[] { 1, 1 })]
    public void A_bare_number_standing_alone_is_a_citation(string text, int[] expected)
    {
        Assert.Equal(expected, Numbers(text));
    }

    [Theory]
    [InlineData("BERT 在 11 项 NLP 任务上进行了评估")]
    [InlineData("提供多个（如10-100个）任务示例")]
    [InlineData("困惑度降低了 15 个点")]
    [InlineData("GLUE 得分达到 80.5%")]
    [InlineData("应用了 $P\\_{drop} \\= 0.1$ 的 Dropout")]
    [InlineData("WMT 2014 英德翻译")]
    [InlineData("参数量约 7 B")]
    [InlineData("GPT-3 175B")]
    public void Numbers_that_measure_something_are_not_citations(string text)
    {
        Assert.Empty(Numbers(text));
    }

    [Fact]
    public void Numbers_above_the_last_works_cited_entry_are_not_citations()
    {
        Assert.Empty(Numbers("该论文 12 标志着", max: 10));
    }

    [Fact]
    public void A_citation_reports_its_offset_and_length()
    {
        var found = Assert.Single(Citations.Find("该论文 12 标志着", 20));

        Assert.Equal((12, 4, 2), found);
    }

    [Fact]
    public void A_versioned_name_the_documents_headings_use_is_not_a_citation()
    {
        var names = Citations.NumberedNames(["1.4 开源基石： \"Llama 3: The Llama 3 Herd of Models\" (2024)"]);

        var found = Citations.Find("Llama 3 15 代表了当前开源大型模型的 SOTA 水平，Meta 公开发布了 Llama 3 系列模型 15。", 120, names);

        Assert.Equal([15, 15], found.Select(f => f.Number));
    }

    [Fact]
    public void Without_a_heading_naming_it_a_number_after_a_name_stays_a_citation()
    {
        var names = Citations.NumberedNames(["Llama 3: The Llama 3 Herd of Models"]);

        Assert.Equal([26], Citations.Find("Chinchilla 26 证明了数据", 120, names).Select(f => f.Number));
    }
}
