namespace PaperAtlas.BrowserTests;

/// <summary>The search box on every page sends a query to the search page; its dropdown is walked in <see cref="SearchComboboxTests"/>.</summary>
[Collection(BrowserGroup.Name)]
public sealed class SearchBoxTests(BrowserFixture fixture)
{
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
