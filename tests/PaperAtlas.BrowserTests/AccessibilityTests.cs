using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PaperAtlas.BrowserTests;

/// <summary>
/// WCAG 2.2 AA as axe-core checks it: no violation of impact serious or critical on any page kind, at phone and
/// desktop width, in the light and the dark scheme, nor with the search box's dropdown open or saying "No results".
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    public static IEnumerable<object[]> PagesWidthsSchemes => PageKinds.EachInBothSchemes(390, 1280);

    public static IEnumerable<object[]> WidthsSchemes =>
        from width in new[] { 390, 1280 } from scheme in new[] { ColorScheme.Light, ColorScheme.Dark } select new object[] { width, scheme };

    [Theory]
    [MemberData(nameof(PagesWidthsSchemes))]
    public async Task A_page_has_no_serious_or_critical_axe_violation(string path, int width, ColorScheme scheme)
    {
        await using var context = await fixture.NewContext(width, scheme, bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Server.Url(path));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AssertNoSeriousViolations(page);
    }

    [Theory]
    [MemberData(nameof(WidthsSchemes))]
    public async Task The_search_dropdown_open_with_a_highlighted_option_has_no_serious_or_critical_axe_violation(int width, ColorScheme scheme)
    {
        await using var context = await fixture.NewContext(width, scheme, bypassCsp: true);
        var page = await TypeInTheSearchBox(context, "/papers/", "lora", "#search-suggestions [role=option]");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("true", await page.GetAttributeAsync("#search-input", "aria-expanded"));
        await AssertNoSeriousViolations(page);
    }

    [Theory]
    [MemberData(nameof(WidthsSchemes))]
    public async Task The_search_dropdown_saying_no_results_has_no_serious_or_critical_axe_violation(int width, ColorScheme scheme)
    {
        await using var context = await fixture.NewContext(width, scheme, bypassCsp: true);
        var page = await TypeInTheSearchBox(context, "/topics/", "zzqqxx", ".suggestions-none:visible");
        await AssertNoSeriousViolations(page);
    }

    private async Task<IPage> TypeInTheSearchBox(IBrowserContext context, string path, string query, string shown)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Server.Url(path));
        await page.FocusAsync("#search-input");
        await page.Keyboard.TypeAsync(query);
        await page.Locator(shown).First.WaitForAsync();
        return page;
    }

    private static async Task AssertNoSeriousViolations(IPage page)
    {
        // Violations only: the details of every passing node cost seconds on the long list pages.
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}) ×{v.Nodes.Length}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join('\n', serious));
    }
}
