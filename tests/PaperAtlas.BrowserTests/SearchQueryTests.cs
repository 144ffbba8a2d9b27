namespace PaperAtlas.BrowserTests;

/// <summary>
/// The query suite: on /search/?q=QUERY the results are links inside #search-results, best first, each to a
/// paper page. Each case names the paper that must be among the first N results.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class SearchQueryTests(BrowserFixture fixture)
{
    /// <summary>The suite lives in queries.tsv so the Pagefind comparison (bench/search) runs the same queries.</summary>
    public static TheoryData<string, string, int> Queries()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var line in File.ReadLines(Path.Combine(BrowserFixture.Root, "tests", "PaperAtlas.BrowserTests", "queries.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('\t');
            data.Add(parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

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

    [Fact]
    public async Task A_result_shows_an_excerpt_of_what_the_lists_say_with_the_query_words_marked()
    {
        var problems = new List<string>();
        var page = await fixture.NewPage(problems);
        await page.GotoAsync(fixture.Server.Url("/search/?q=" + Uri.EscapeDataString("注意力")));
        await page.Locator("#search-status:not(:empty)").WaitForAsync();
        var transformer = page.Locator("#search-results li").Filter(new() { Has = page.Locator("a[href$='/papers/1706.03762/']") });

        Assert.Contains("注意", await transformer.Locator("p.excerpt mark").AllTextContentsAsync());
        Assert.Empty(problems);
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
