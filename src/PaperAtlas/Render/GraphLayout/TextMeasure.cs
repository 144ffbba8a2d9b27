using System.Globalization;
using System.Text;

namespace PaperAtlas.Render.GraphLayout;

/// <summary>
/// A generous estimate of how wide a label renders in the site's sans-serif font, without the font: per-character
/// widths in em (CJK full width, capitals wider than lower case). Over-estimating only costs a label its place.
/// </summary>
public static class TextMeasure
{
    public static double Width(string text, double fontSize)
    {
        double em = 0;
        var runes = text.EnumerateRunes();
        foreach (var rune in runes)
        {
            em += rune.Value switch
            {
                >= 0x1100 when IsWide(rune.Value) => 1.0,
                ' ' => 0.3,
                'i' or 'l' or 'j' or 'I' or '.' or ',' or '\'' or ':' or ';' or '|' or '!' => 0.3,
                'f' or 't' or 'r' or '(' or ')' or '-' or '[' or ']' => 0.4,
                'm' or 'w' => 0.85,
                'M' or 'W' => 0.95,
                _ when Rune.IsUpper(rune) => 0.7,
                _ when Rune.IsDigit(rune) => 0.58,
                _ when rune.Value < 0x80 => 0.56,
                _ => 0.7,
            };
        }

        return em * fontSize * 1.06;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6)
            or (>= 0x20000 and <= 0x3FFFD);

    /// <summary>The text cut to at most <paramref name="max"/> text elements, with an ellipsis when cut.</summary>
    public static string Shorten(string text, int max)
    {
        // Text elements are counted only as far as the cut: a summary is cut from notes thousands of characters long.
        var trimmed = text.Trim();
        var (count, end, cut) = (0, 0, 0);
        while (end < trimmed.Length)
        {
            if (count == max - 1)
            {
                cut = end;
            }

            end += StringInfo.GetNextTextElementLength(trimmed, end);
            if (++count > max)
            {
                return trimmed[..cut].TrimEnd() + "…";
            }
        }

        return trimmed;
    }
}
