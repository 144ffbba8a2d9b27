using System.Text.RegularExpressions;
using Markdig.Syntax;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Read;

/// <summary>One numbered entry of a report's works-cited list.</summary>
public sealed partial record WorksCitedEntry(int Number, string Text, string? Title, string? Url, LinkTarget Target, SourceLocation Location)
{
    private static readonly string[] AccessedMarkers = ["访问时间为", ", accessed", "，访问", ", retrieved", "Accessed"];

    [GeneratedRegex(@"^\s*\[[^\]]*\]\s*")]
    private static partial Regex LeadingBracket();

    [GeneratedRegex(@"^(?:arXiv:|\[PDF\]\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex NotATitle();

    public static WorksCitedEntry Read(ReadContext context, ListItemBlock item, int number)
    {
        var paragraph = item.OfType<ParagraphBlock>().FirstOrDefault();
        var links = paragraph is null ? [] : MarkdownText.Links(paragraph.Inline).ToList();
        foreach (var link in links)
        {
            context.Claim(link);
        }

        var text = paragraph is null ? "" : MarkdownText.Plain(paragraph);
        var target = links.Select(context.Target).FirstOrDefault(t => t.IsPaper)
                     ?? (ArxivId.FindInText(text) is { } id ? new LinkTarget(id, null, null, true) : null)
                     ?? (links.Count > 0 ? context.Target(links[0]) : LinkTarget.Of(null));
        return new WorksCitedEntry(number, text, TitleOf(text), links.Count > 0 ? MarkdownText.UrlOf(links[0]) : null, target, context.LocationOf(item));
    }

    /// <summary>
    /// The cited work's title: the entry text before "accessed on", without a leading <c>[id]</c>,
    /// a "Paper page -" prefix, or the site name after the last " - " or " | ".
    /// </summary>
    public static string? TitleOf(string text)
    {
        var title = text;
        foreach (var marker in AccessedMarkers)
        {
            var cut = title.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (cut >= 0)
            {
                title = title[..cut];
            }
        }

        title = LeadingBracket().Replace(title.Trim().TrimEnd(',', '，', ' '), "");
        if (title.StartsWith("Paper page - ", StringComparison.OrdinalIgnoreCase))
        {
            title = title["Paper page - ".Length..];
        }

        foreach (var separator in new[] { " | ", " - " })
        {
            var cut = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (cut > 0 && title[(cut + separator.Length)..].Split(' ').Length <= 6)
            {
                title = title[..cut];
            }
        }

        title = title.Trim();
        return title.Length < 3 || NotATitle().IsMatch(title) ? null : title;
    }
}
