using Microsoft.Playwright;

namespace PaperAtlas.BrowserTests;

/// <summary>
/// Reading on any screen: no page scrolls sideways on a phone (WCAG 1.4.10), table cells never break a year, an id or a
/// date across lines, and the sticky header never covers what has keyboard focus (WCAG 2.4.11).
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class LayoutTests(BrowserFixture fixture)
{
    /// <summary>Years, arXiv ids and dates (2023, 2106.09685, 2023/05, 2024-01-02), and the timeline's "here" links.</summary>
    private const string ShortTokens = @"/\b(?:\d{4}\.\d{4,5}(?:v\d+)?|(?:19|20)\d{2}(?:[-\/.]\d{1,2}){0,2})\b|\bhere\b/g";

    public static IEnumerable<object[]> PagesAtPhoneWidths => PageKinds.Each(320, 390);

    [Theory]
    [MemberData(nameof(PagesAtPhoneWidths))]
    public async Task No_page_scrolls_sideways_on_a_phone(string path, int width)
    {
        await using var context = await fixture.NewContext(width);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Server.Url(path));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{path} is {scrollWidth} px wide at {width} px");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task No_table_cell_of_the_timeline_list_breaks_a_year_an_id_or_a_date_across_lines(int width)
    {
        await using var context = await fixture.NewContext(width);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Server.Url("/lists/llm-paper-timeline/"));
        var result = await page.EvaluateAsync<string[]>($$"""
            () => {
              const token = {{ShortTokens}};
              const out = [];
              document.querySelectorAll(".list-body td, .list-body th").forEach(cell => {
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  for (const m of n.data.matchAll(token)) {
                    const range = document.createRange();
                    range.setStart(n, m.index);
                    range.setEnd(n, m.index + m[0].length);
                    const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                    out.push((lines.size > 1 ? "broken " : "whole ") + m[0]);
                  }
                }
              });
              return out;
            }
            """);
        Assert.True(result.Length > 20, $"only {result.Length} years, ids or dates found in the timeline's tables");
        Assert.DoesNotContain(result, r => r.StartsWith("broken", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/papers/", 1280)]
    [InlineData("/papers/", 800)]
    [InlineData("/lists/llm-knowledge-report/", 1280)]
    public async Task Tabbing_backwards_never_leaves_focus_under_the_sticky_header(string path, int width)
    {
        await using var context = await fixture.NewContext(width);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Server.Url(path));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("sticky", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.masthead')).position"));
        await page.FocusAsync(".site-footer a >> nth=-1");
        var covered = new List<string>();
        var stops = 0;
        for (; stops < 300; stops++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
            var where = await page.EvaluateAsync<string?>("""
                () => {
                  const e = document.activeElement, header = document.querySelector(".masthead");
                  if (!e || e === document.body || header.contains(e)) return null;
                  const top = e.getBoundingClientRect().top, bottom = header.getBoundingClientRect().bottom;
                  return top < bottom - 1 ? `${e.tagName} "${e.textContent.trim().slice(0, 40)}" at ${Math.round(top)} under a header ending at ${Math.round(bottom)}` : "";
                }
                """);
            if (where is null)
            {
                break;
            }

            if (where.Length > 0)
            {
                covered.Add(where);
            }
        }

        Assert.True(stops > 50, $"only {stops} focus stops before the header");
        Assert.Empty(covered);
    }
}
