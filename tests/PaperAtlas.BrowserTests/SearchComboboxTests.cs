using Microsoft.Playwright;

namespace PaperAtlas.BrowserTests;

/// <summary>The search box walked with the keyboard only, as the WAI-ARIA combobox pattern says it behaves.</summary>
[Collection(BrowserGroup.Name)]
public sealed class SearchComboboxTests(BrowserFixture fixture)
{
    /// <summary>A page where "/" focused the search box and <paramref name="query"/> was typed, its first option shown.</summary>
    private async Task<IPage> Typed(string query, List<string> problems, string path = "/")
    {
        var page = await fixture.NewPage(problems);
        await page.GotoAsync(fixture.Server.Url(path));
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync(query);
        // The options of the whole query: those of a shorter prefix, rendered while typing, are replaced when it answers.
        await page.Locator($"#search-suggestions[data-query=\"{query}\"] [role=option]").First.WaitForAsync();
        return page;
    }

    [Fact]
    public async Task Slash_typing_and_two_down_arrows_highlight_the_second_result_as_the_active_descendant_and_enter_opens_it()
    {
        var problems = new List<string>();
        var page = await Typed("lora", problems, "/years/");
        var options = page.Locator("#search-suggestions [role=option]");
        await options.Nth(1).WaitForAsync();
        Assert.Equal("true", await page.GetAttributeAsync("#search-input", "aria-expanded"));
        Assert.Null(await page.GetAttributeAsync("#search-input", "aria-activedescendant"));

        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");

        var second = options.Nth(1);
        Assert.Equal(await second.GetAttributeAsync("id"), await page.GetAttributeAsync("#search-input", "aria-activedescendant"));
        Assert.Equal("true", await second.GetAttributeAsync("aria-selected"));
        Assert.Equal(1, await page.Locator("#search-suggestions [aria-selected=true]").CountAsync());
        Assert.Equal("search-input", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var target = await second.GetAttributeAsync("data-href");
        Assert.NotEqual(await options.Nth(0).GetAttributeAsync("data-href"), target);

        await page.Keyboard.PressAsync("Enter");
        // Commit is enough to know Enter opened it; the new page's load event is not what this tests.
        await page.WaitForURLAsync(fixture.Server.Url(target!), new() { WaitUntil = WaitUntilState.Commit });
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Escape_closes_the_dropdown_and_leaves_focus_and_the_query_in_the_box()
    {
        var problems = new List<string>();
        var page = await Typed("attention", problems);
        await page.Keyboard.PressAsync("ArrowDown");

        await page.Keyboard.PressAsync("Escape");

        Assert.Equal("false", await page.GetAttributeAsync("#search-input", "aria-expanded"));
        Assert.Null(await page.GetAttributeAsync("#search-input", "aria-activedescendant"));
        Assert.False(await page.Locator("#search-suggestions").IsVisibleAsync());
        Assert.Equal("search-input", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("attention", await page.InputValueAsync("#search-input"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Up_from_the_box_highlights_the_last_option_and_down_from_the_last_wraps_to_the_first()
    {
        var page = await Typed("lora", []);
        var count = await page.Locator("#search-suggestions [role=option]").CountAsync();

        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal($"search-option-{count - 1}", await page.GetAttributeAsync("#search-input", "aria-activedescendant"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("search-option-0", await page.GetAttributeAsync("#search-input", "aria-activedescendant"));
    }

    [Fact]
    public async Task The_number_of_results_or_no_results_is_said_in_a_polite_live_region()
    {
        var page = await Typed("lora", []);
        var status = page.Locator(".search-box [role=status]");
        Assert.Matches("^[0-9]+ results$", await status.TextContentAsync());

        await page.FillAsync("#search-input", "zzqqxx");
        await page.Locator(".suggestions-none:visible").WaitForAsync();
        Assert.Equal("No results", await status.TextContentAsync());
        Assert.Equal("false", await page.GetAttributeAsync("#search-input", "aria-expanded"));
        Assert.Equal(0, await page.Locator("#search-suggestions [role=option]").CountAsync());
    }

    [Fact]
    public async Task The_options_are_not_links_and_a_click_opens_the_paper()
    {
        var page = await Typed("dpo", []);
        var option = page.Locator("#search-suggestions [role=option]").First;
        Assert.Equal(0, await page.Locator("#search-suggestions a").CountAsync());
        var target = await option.GetAttributeAsync("data-href");
        await option.ClickAsync();
        // Commit is enough to know the click opened it; the new page's load event is not what this tests.
        await page.WaitForURLAsync(fixture.Server.Url(target!), new() { WaitUntil = WaitUntilState.Commit });
    }
}
