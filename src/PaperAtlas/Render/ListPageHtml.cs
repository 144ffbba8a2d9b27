using System.Globalization;
using System.Net;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperAtlas.Graph;
using PaperAtlas.Read;

namespace PaperAtlas.Render;

/// <summary>
/// A source list rendered faithfully — its own Markdown, its own order — with every entry linked to its
/// paper page (and given an anchor that paper pages link back to), works-cited entries given ids, and a
/// report's bare citation numbers turned into links to those entries.
/// </summary>
public static class ListPageHtml
{
    /// <summary>What a list's page body is made from: the list, where its entries stand and their papers, and the link words.</summary>
    /// <param name="uiLang">The language of the site's own words (the paper-link label), marked where the list's differs.</param>
    /// <param name="externalImages">Show images from other sites (site.yml's <c>external_images</c>); otherwise they are links.</param>
    public static ListBody Input(SourceList list, PaperGraph graph, Routes routes, string paperLinkLabel, string uiLang, bool externalImages) => new(
        list,
        [
            .. graph.InList(list.Id).SelectMany(paper => paper.Mentions
                .Where(m => m.ListId == list.Id)
                .Select(m => new ListTarget(m.Location.Line, m.Location.Column, m.Anchor, routes.Paper(paper.Slug).Url, paper.Title))),
        ],
        paperLinkLabel,
        string.Equals(list.Info.Lang, uiLang, StringComparison.OrdinalIgnoreCase) ? null : uiLang,
        externalImages);

    public static string Render(ListBody body)
    {
        var list = body.List;
        var label = (Text: body.PaperLinkLabel, body.LabelLang);
        var targets = new Dictionary<(int Line, int Column), ListTarget>();
        foreach (var target in body.Targets)
        {
            targets[(target.Line - 1, target.Column - 1)] = target;
        }

        var sectionAnchors = list.TopicNotes.ToDictionary(n => (n.Section.Location.Line - 1, n.Section.Location.Column - 1), n => n.Anchor);
        var document = Markdown.Parse(list.Info.Body, MarkdownHtml.Pipeline);
        if (ReadContext.DocumentTitle(document) is { } title)
        {
            title.Remove();
        }

        ShiftHeadings(document);
        MarkdownHtml.MakeSafe(document, SourceUri(list.Info), body.ExternalImages);
        var worksCited = MarkWorksCited(document);
        foreach (var node in document.Descendants().ToList())
        {
            switch (node)
            {
                case HeadingBlock heading when targets.TryGetValue((heading.Line, heading.Column), out var target):
                    heading.GetAttributes().Id = target.Anchor;
                    heading.Inline?.AppendChild(new HtmlInline(PaperLink(target, label, null)));
                    break;
                case HeadingBlock heading:
                    heading.GetAttributes().Id = sectionAnchors.GetValueOrDefault((heading.Line, heading.Column)) ?? HeadingId(MarkdownText.Plain(heading));
                    break;
                case ListItemBlock item when targets.TryGetValue((item.Line, item.Column), out var target)
                                             && item.LastChild is ParagraphBlock { Inline: { } inline }:
                    inline.AppendChild(new HtmlInline(PaperLink(target, label, null)));
                    break;
                case Inline inline when inline is LinkInline or AutolinkInline && targets.TryGetValue((inline.Line, inline.Column), out var target):
                    inline.InsertAfter(new HtmlInline(PaperLink(target, label, target.Anchor)));
                    break;
            }
        }

        if (list.Info.Shape == ListShape.Report && worksCited > 0)
        {
            CitationLinks.Link(document, worksCited, CitationLinks.NumberedNames(list), n => $"#cite-{n}");
        }

        if (LanguageOfParts.IsChinese(list.Info.Lang))
        {
            LanguageOfParts.MarkEnglishLinks(document);
        }

        return MarkdownHtml.ToHtml(document);
    }

    /// <summary>The list's http(s) source, which resolves its relative links; null when it names no such URL (a file path, say).</summary>
    public static Uri? SourceUri(ListInfo info) =>
        Uri.TryCreate(info.Source, UriKind.Absolute, out var source) && source.Scheme is "http" or "https" ? source : null;

    /// <summary>
    /// The page's h1 is the list title, so the list's own top heading level becomes h2, and no heading is more than one
    /// level below the one before it (a list's <c>##</c> then <c>####</c> become h2 then h3): the outline has no gaps.
    /// </summary>
    private static void ShiftHeadings(MarkdownDocument document)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count == 0)
        {
            return;
        }

        var shift = headings.Min(h => h.Level) - 2;
        var previous = 1;
        foreach (var heading in headings)
        {
            heading.Level = Math.Min(Math.Clamp(heading.Level - shift, 2, 6), previous + 1);
            previous = heading.Level;
        }
    }

    /// <summary>The id GitHub gives a heading ("Typical LLMs" → "Typical-LLMs"), so lists' own contents links work.</summary>
    private static string HeadingId(string text)
    {
        var id = new string(text.Trim().Select(c => char.IsWhiteSpace(c) ? '-' : c).Where(c => char.IsLetterOrDigit(c) || c is '-' or '_').ToArray());
        return id.Length == 0 ? "section" : id;
    }

    private static string PaperLink(ListTarget target, (string Text, string? Lang) label, string? anchor)
    {
        var id = anchor is null ? "" : $" id=\"{WebUtility.HtmlEncode(anchor)}\"";
        var lang = label.Lang is null ? "" : $" lang=\"{WebUtility.HtmlEncode(label.Lang)}\"";
        return $"<a class=\"to-paper\"{id}{lang} href=\"{WebUtility.HtmlEncode(target.PaperUrl)}\" title=\"{WebUtility.HtmlEncode(target.PaperTitle)}\">{WebUtility.HtmlEncode(label.Text)}</a>";
    }

    /// <summary>Gives each works-cited entry the id <c>cite-N</c>; returns the highest N.</summary>
    private static int MarkWorksCited(MarkdownDocument document)
    {
        var max = 0;
        var inWorksCited = false;
        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                inWorksCited = ReportReader.IsWorksCitedHeading(MarkdownText.Plain(heading));
                continue;
            }

            if (!inWorksCited || block is not ListBlock { IsOrdered: true } list)
            {
                continue;
            }

            var next = int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var first) ? first : 1;
            foreach (var item in list.OfType<ListItemBlock>())
            {
                var number = item.Order > 0 ? item.Order : next;
                next = number + 1;
                item.GetAttributes().Id = $"cite-{number}";
                max = Math.Max(max, number);
            }
        }

        return max;
    }
}

/// <summary>An entry of a list (by its 1-based line and column) and the paper page it links to.</summary>
public sealed record ListTarget(int Line, int Column, string Anchor, string PaperUrl, string PaperTitle);

/// <summary>What a list's page body is made from (<see cref="ListPageHtml.Input"/>): equal inputs make the same body.</summary>
/// <param name="LabelLang">The language of the link label, when it is not the list's.</param>
public sealed record ListBody(SourceList List, EquatableArray<ListTarget> Targets, string PaperLinkLabel, string? LabelLang, bool ExternalImages);
