namespace PaperAtlas.BrowserTests;

/// <summary>
/// The query suite: on /search/?q=QUERY the results are links inside #search-results, best first, each to a
/// paper page. Each case names the paper that must be among the first results (or none for no result).
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class SearchQueryTests(BrowserFixture fixture)
{
    public static TheoryData<string, string, int> Queries => new()
    {
        // English titles and words
        { "attention is all you need", "1706.03762", 1 },
        { "transformer", "1706.03762", 1 },
        { "bert", "1810.04805", 1 },
        { "chain of thought", "2201.11903", 1 },
        { "scaling laws", "2001.08361", 1 },
        { "retrieval augmented generation", "2005.11401", 1 },
        { "mixture of experts", "2401.04088", 3 },
        { "direct preference optimization", "2305.18290", 1 },
        { "low rank adaptation", "2106.09685", 1 },
        // nicknames (aliases)
        { "lora", "2106.09685", 1 },
        { "LoRA", "2106.09685", 1 },
        { "dpo", "2305.18290", 1 },
        { "rlhf", "2203.02155", 1 },
        { "instructgpt", "2203.02155", 1 },
        { "qlora", "2305.14314", 1 },
        { "vllm", "2309.06180", 1 },
        { "llava", "2304.08485", 1 },
        { "clip", "2103.00020", 1 },
        { "kto", "2402.01306", 1 },
        { "mamba", "2312.00752", 1 },
        { "gpt-4", "gpt-4", 1 },
        // arXiv ids, with and without a version
        { "2106.09685", "2106.09685", 1 },
        { "1706.03762", "1706.03762", 1 },
        { "2305.18290v3", "2305.18290", 1 },
        // partial words, as typed
        { "flashatten", "2205.14135", 1 },
        { "qlor", "2305.14314", 1 },
        { "mixtr", "2401.04088", 1 },
        // one typo
        { "tranformer", "1706.03762", 3 },
        { "retreival augmented", "2005.11401", 3 },
        // Chinese
        { "思维链", "2201.11903", 1 },
        { "微调", "2106.09685", 3 },
        { "量化", "2305.14314", 3 },
        { "注意力", "1706.03762", 3 },
        { "检索增强", "2005.11401", 3 },
        { "混合专家", "2401.04088", 1 },
        { "强化学习", "1707.06347", 3 },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_query_finds_the_paper_it_names(string query, string expectedSlug, int within)
    {
        var results = await Search(query);
        Assert.Contains($"/papers/{expectedSlug}/", results.Take(within));
    }

    [Fact]
    public async Task A_query_with_no_result_says_so_without_an_error()
    {
        var problems = new List<string>();
        var page = await fixture.NewPage(problems);
        await page.GotoAsync(fixture.Server.Url("/search/?q=zzzzqqqx"));
        await page.Locator("#search-status:not(:empty)").WaitForAsync();
        Assert.Equal("No results", await page.Locator("#search-status").TextContentAsync());
        Assert.Equal(0, await page.Locator("#search-results a").CountAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Filters_narrow_the_results_by_year_and_topic()
    {
        var all = await Search("attention");
        var in2017 = await Search("attention", "&year=2017");
        var peft = await Search("attention", "&topic=peft");
        Assert.True(all.Count > in2017.Count);
        Assert.Contains("/papers/1706.03762/", in2017);
        Assert.DoesNotContain("/papers/1706.03762/", peft);
    }

    [Fact]
    public async Task Matches_are_highlighted()
    {
        var problems = new List<string>();
        var page = await fixture.NewPage(problems);
        await page.GotoAsync(fixture.Server.Url("/search/?q=lora"));
        await page.Locator("#search-status:not(:empty)").WaitForAsync();
        Assert.Equal("lora", (await page.Locator("#search-results a").First.Locator("mark").First.TextContentAsync())!.ToLowerInvariant());
    }

    private async Task<List<string>> Search(string query, string extra = "")
    {
        var problems = new List<string>();
        var page = await fixture.NewPage(problems);
        await page.GotoAsync(fixture.Server.Url("/search/?q=" + Uri.EscapeDataString(query) + extra));
        await page.Locator("#search-status:not(:empty)").WaitForAsync();
        var hrefs = await page.Locator("#search-results a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Empty(problems);
        await page.CloseAsync();
        return [.. hrefs];
    }
}
