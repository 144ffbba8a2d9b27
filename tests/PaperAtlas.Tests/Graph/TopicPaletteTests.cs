using System.Globalization;
using System.Text.RegularExpressions;
using PaperAtlas.Render.GraphLayout;

namespace PaperAtlas.Tests.Graph;

/// <summary>WCAG 1.4.11: every node colour stands out at 3:1 from the theme's backgrounds, light and dark, read from site.css.</summary>
public sealed partial class TopicPaletteTests
{
    [Fact]
    public void Every_topic_colour_and_the_no_topic_grey_have_at_least_3_to_1_contrast_against_every_theme_background()
    {
        var backgrounds = ThemeBackgrounds();
        Assert.Equal(4, backgrounds.Count); // --bg and --card, light and dark
        var failures = TopicPalette.Colours.Append(TopicPalette.NoTopic)
            .SelectMany(colour => backgrounds.Select(bg => (colour, bg, ratio: ContrastRatio(colour, bg))))
            .Where(x => x.ratio < 3)
            .Select(x => $"{x.colour} on {x.bg}: {x.ratio:0.00}")
            .ToList();
        Assert.Empty(failures);
    }

    [Fact]
    public void The_first_two_dozen_topics_never_share_a_colour()
    {
        var colours = Enumerable.Range(0, 24).Select(TopicPalette.Colour).ToList();
        Assert.Equal(colours.Count, colours.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(TopicPalette.NoTopic, colours);
    }

    [Theory]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#393b79", "#1c1f23", 1.63)] // the old palette's darkest blue on the dark card, as the audit measured
    public void The_contrast_ratio_follows_the_wcag_formula(string a, string b, double expected) =>
        Assert.Equal(expected, ContrastRatio(a, b), 2);

    /// <summary>WCAG 2.2's contrast ratio, (L1 + 0.05) / (L2 + 0.05) of the relative luminances.</summary>
    private static double ContrastRatio(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }

    /// <summary>The page and card backgrounds of both schemes, as site.css declares them (the dark ones inside its media query).</summary>
    private static List<string> ThemeBackgrounds()
    {
        var css = File.ReadAllText(Path.Combine(Paths.Root, "templates", "assets", "site.css"));
        return [.. Background().Matches(css).Select(m => m.Groups["colour"].Value.ToLowerInvariant()).Distinct()];
    }

    [GeneratedRegex("--(?:bg|card):\\s*(?<colour>#[0-9a-fA-F]{6})")]
    private static partial Regex Background();
}
