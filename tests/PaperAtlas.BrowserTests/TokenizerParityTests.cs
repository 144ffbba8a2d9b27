using PaperAtlas.Search;

namespace PaperAtlas.BrowserTests;

/// <summary>The browser's tokeniser and the index's tokeniser must agree on every input, or queries miss.</summary>
[Collection(BrowserGroup.Name)]
public sealed class TokenizerParityTests(BrowserFixture fixture)
{
    private static readonly string[] Inputs =
    [
        "LoRA: Low-Rank Adaptation of Large Language Models",
        "2106.09685v2 and arXiv:2305.18290",
        "思维链提示技术(CoT)显著提高推理能力",
        "量化", "微调", "注意力", "图",
        "Ｆｕｌｌｗｉｄｔｈ ＬｏＲＡ ２０２３",
        "Studies of policies, boxes, matches, washes, running, tuned, focus, bias, analysis",
        "GPT-4 · Qwen2.5-Coder · LLaVA-1.5 · FlashAttention-2",
        "Café naïve Übersicht αβγ ελληνικά",
        "日本語のテキスト カタカナ",
        "emoji 😂 mixed中文English混排",
        "$d_k$ \\sqrt{d_k} x^2",
        "Paged Attention · GPT-3 · Llama 2-Chat · 中文 GPT 3",
        "",
    ];

    [Fact]
    public async Task The_browser_tokenises_exactly_as_the_index_does()
    {
        var problems = new List<string>();
        var page = await fixture.NewPage(problems);
        await page.GotoAsync(fixture.Server.Url("/"));
        foreach (var input in Inputs)
        {
            var expected = Tokenizer.Tokenize(input).Select(t => $"{t.Text}{(t.IsCjkUnigram ? "¹" : "")}").ToArray();
            var actual = await page.EvaluateAsync<string[]>("input => window.PaperAtlasSearch.tokenize(input).map(t => t.text + (t.unigram ? '¹' : ''))", input);
            Assert.Equal(expected, actual);
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_browser_joins_neighbouring_words_exactly_as_the_index_does()
    {
        var problems = new List<string>();
        var page = await fixture.NewPage(problems);
        await page.GotoAsync(fixture.Server.Url("/"));
        foreach (var input in Inputs)
        {
            var actual = await page.EvaluateAsync<string[]>("input => window.PaperAtlasSearch.joinedPairs(input).map(p => p.text)", input);
            Assert.Equal(Tokenizer.JoinedPairs(input), actual);
        }

        Assert.Empty(problems);
    }
}
