using System.Net;
using System.Text.RegularExpressions;

namespace PaperAtlas.Read;

/// <summary>Heading text helpers: lists number their headings in many ways (<c>一、</c>, <c>1.1</c>, <c>(二)</c>).</summary>
public static partial class SectionTitle
{
    [GeneratedRegex(@"^\s*(?:[（(]?[一二三四五六七八九十百]+[)）]?[、.．:：\s]\s*|[0-9]+(?:\.[0-9]+)*[.、)]?\s+|[IVX]+\.\s+)")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"</?[a-zA-Z][^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^\s*<h(?<level>[2-6])\b[^>]*>(?<title>.*?)</h\k<level>\s*>\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlHeading();

    /// <summary>A heading as a section title: whitespace collapsed; raw HTML tags and emoji at either end, which the page shows or hides but never reads, gone.</summary>
    public static string Clean(string title)
    {
        var clean = MarkdownText.Collapse(title.Contains('<', StringComparison.Ordinal) ? Tag().Replace(title, "") : title);
        var trimmed = TitleText.TrimDecoration(clean);
        return trimmed.Length > 0 ? trimmed : clean;
    }

    /// <summary>
    /// A raw HTML block that is one heading, <c>&lt;h2 id="x"&gt;Technique&lt;/h2&gt;</c>: its level and text. An HTML
    /// <c>h1</c> is the page's title in a README, not a section.
    /// </summary>
    public static (int Level, string Title)? OfHtmlHeading(string html)
    {
        if (html.Length > 2000 || HtmlHeading().Match(html) is not { Success: true } match)
        {
            return null;
        }

        var title = WebUtility.HtmlDecode(Tag().Replace(match.Groups["title"].Value, ""));
        return string.IsNullOrWhiteSpace(title) ? null : (int.Parse(match.Groups["level"].Value, System.Globalization.CultureInfo.InvariantCulture), title);
    }

    /// <summary>The heading without its leading section number: <c>一、 奠基性架构与范式</c> → <c>奠基性架构与范式</c>.</summary>
    public static string WithoutNumber(string title) => Numbering().Replace(title, "", 1).Trim();
}
