namespace PaperAtlas.Tests.Hostile;

/// <summary>
/// Crashes the fuzzer found outside the folders this suite may change (Normalise/Graph). Each is a minimal repro,
/// skipped until fixed; the fuzz campaign lists them as "known outside issues" instead of failing on them.
/// </summary>
public sealed class KnownIssuesTests
{
    [Fact(Skip = "Normaliser gives two papers the id 'chatgpt' and PaperGraph's id index throws (found by fuzzing, seeds 1022670, 1079302, 20241377)")]
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
