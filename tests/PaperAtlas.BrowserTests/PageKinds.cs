using Microsoft.Playwright;

namespace PaperAtlas.BrowserTests;

/// <summary>One page of every kind the site has (each list shape too, and search with and without results), and pages to view them in.</summary>
public static class PageKinds
{
    public static readonly string[] Paths =
    [
        "/",
        "/papers/",
        "/papers/2106.09685/",
        "/topics/",
        "/topics/peft/",
        "/years/",
        "/years/2023/",
        "/lists/",
        "/lists/llm-knowledge-report/",
        "/lists/llm-paper-timeline/",
        "/lists/llmfreshman/",
        "/lists/llm-research-notes/",
        "/search/?q=lora",
        "/search/?q=zzqqxx",
        "/graph/",
        "/404.html",
        "/contribute/",
    ];

    public static IEnumerable<object[]> Each(params int[] widths) =>
        Paths.SelectMany(path => widths.Select(width => new object[] { path, width }));

    public static IEnumerable<object[]> EachInBothSchemes(params int[] widths) =>
        Each(widths).SelectMany(x => new[] { ColorScheme.Light, ColorScheme.Dark }.Select(scheme => new[] { x[0], x[1], scheme }));

    /// <summary>
    /// A page in its own context, in the given width and colour scheme. The context bypasses the site's
    /// Content-Security-Policy so that axe can be injected: the site's CSP itself is checked by <see cref="PageTests"/>.
    /// </summary>
    public static async Task<IBrowserContext> NewContext(this BrowserFixture fixture, int width, ColorScheme scheme = ColorScheme.Light, bool bypassCsp = false) =>
        await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            ColorScheme = scheme,
            BypassCSP = bypassCsp,
        });
}
