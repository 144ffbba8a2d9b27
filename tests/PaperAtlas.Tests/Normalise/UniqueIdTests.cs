namespace PaperAtlas.Tests.Normalise;

/// <summary>A crash the fuzzer found: two title-keyed papers whose ids collided.</summary>
public sealed class UniqueIdTests
{
    [Fact]
    public void Two_papers_never_share_an_id()
    {
        var markdown = Fixtures.Lines(
            "| 年份 | 名字 | 简介 | 精读 |",
            "| ---- | ---- | ---- | ---- |",
            "| 2022 | [ChatGPT](https://openai.com/index/chatgpt/) | 基于InstructGPT的对话式AI助手 | |",
            ": →\uFEFF)?ls](https://arxiv.org/abs/2304.01852) | 对 ChatGPT 相关研究进行了全面综述 | |");
        var graph = Fixtures.Graph(("content/lists/fixture.md", markdown));
        Assert.Equal(graph.Graph.Papers.Length, graph.Graph.Papers.Select(p => p.Id).Distinct().Count());
    }
}
