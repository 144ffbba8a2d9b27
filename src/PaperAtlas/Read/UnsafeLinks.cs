using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperAtlas.Diagnostics;
using PaperAtlas.Load;

namespace PaperAtlas.Read;

/// <summary>
/// Links whose URL would run code or smuggle a document (<c>javascript:</c>, <c>vbscript:</c>, <c>data:</c>, …).
/// The site never publishes them as links; this says so to the contributor, at the link.
/// </summary>
public static partial class UnsafeLinks
{
    private static readonly string[] Schemes = ["javascript:", "vbscript:", "data:", "file:", "livescript:"];

    [GeneratedRegex(@"(?:href|src|action|formaction|xlink:href|srcdoc)\s*=\s*[""']?\s*(?<url>[^""'>\s][^""'>]*)", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlUrl();

    /// <summary>The dangerous scheme a URL uses once entities, whitespace and control characters are ignored; null when safe.</summary>
    public static string? SchemeOf(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var decoded = System.Net.WebUtility.HtmlDecode(url);
        var squeezed = new string([.. decoded.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).Take(16)]).ToLowerInvariant();
        return Schemes.FirstOrDefault(s => squeezed.StartsWith(s, StringComparison.Ordinal));
    }

    /// <summary>Warns once per unsafe link: Markdown links, images and autolinks, and URLs in raw HTML.</summary>
    public static void Check(SourceDocument document, DiagnosticBag diagnostics)
    {
        foreach (var node in document.Markdown.Descendants())
        {
            switch (node)
            {
                case LinkInline link when SchemeOf(link.Url) is { } scheme:
                    Warn(diagnostics, MarkdownText.Location(document, link), scheme);
                    break;
                case AutolinkInline autolink when SchemeOf(autolink.Url) is { } scheme:
                    Warn(diagnostics, MarkdownText.Location(document, autolink), scheme);
                    break;
                case HtmlInline html when UnsafeInHtml(html.Tag) is { } scheme:
                    Warn(diagnostics, MarkdownText.Location(document, html), scheme);
                    break;
                case HtmlBlock block when UnsafeInHtml(block.Lines.ToString()) is { } scheme:
                    Warn(diagnostics, MarkdownText.Location(document, block), scheme);
                    break;
            }
        }
    }

    private static string? UnsafeInHtml(string html) =>
        HtmlUrl().Matches(html).Select(m => SchemeOf(m.Groups["url"].Value)).FirstOrDefault(s => s is not null);

    private static void Warn(DiagnosticBag diagnostics, SourceLocation location, string scheme) =>
        diagnostics.Warning(DiagnosticCodes.UnsafeLink, location,
            $"this link uses a `{scheme}` URL, which can run code in a reader's browser; the site shows it as plain text",
            "link to an http(s) page instead, e.g. the paper's arXiv abstract");
}
