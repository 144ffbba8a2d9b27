namespace PaperAtlas.BrowserTests;

/// <summary>The search box on every page: "/" focuses it, results appear as you type, arrows and Enter pick one.</summary>
[Collection(BrowserGroup.Name)]
public sealed class SearchBoxTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Slash_focuses_the_box_and_arrows_and_enter_open_a_result()
    {
        var problems = new List<string>();
        var page = await fixture.NewPage(problems);
        await page.GotoAsync(fixture.Server.Url("/topics/"));
        await page.Keyboard.PressAsync("/");
        Assert.Equal("search-input", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync("dpo");
        await page.Locator("#search-suggestions [role=option]").First.WaitForAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/papers/2305.18290/");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Submitting_the_box_opens_a_shareable_search_page()
    {
        var problems = new List<string>();
        var page = await fixture.NewPage(problems);
        await page.GotoAsync(fixture.Server.Url("/"));
        await page.FillAsync("#search-input", "思维链");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search/?q=*");
        await page.Locator("#search-status:not(:empty)").WaitForAsync();
        Assert.Equal("/papers/2201.11903/", await page.Locator("#search-results a").First.GetAttributeAsync("href"));
        Assert.Empty(problems);
    }
}
