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
    /// <param name="externalImages">Show images from other sites (site.yml's <c>external_images</c>); otherwise they are links.</param>
    public static RawHtml Render(SourceList list, PaperGraph graph, Urls urls, string paperLinkLabel, bool externalImages)
    {
        var targets = new Dictionary<(int Line, int Column), (PaperMention Mention, Paper Paper)>();
        foreach (var paper in graph.InList(list.Id))
        {
            foreach (var mention in paper.Mentions.Where(m => m.ListId == list.Id))
            {
                targets[(mention.Location.Line - 1, mention.Location.Column - 1)] = (mention, paper);
            }
        }

        var sectionAnchors = list.TopicNotes.ToDictionary(n => (n.Section.Location.Line - 1, n.Section.Location.Column - 1), n => n.Anchor);
        var document = Markdown.Parse(list.Info.Body, MarkdownHtml.Pipeline);
        if (ReadContext.DocumentTitle(document) is { } title)
        {
            title.Remove();
        }

        ShiftHeadings(document);
        var relativeBase = Uri.TryCreate(list.Info.Source, UriKind.Absolute, out var source) && source.Scheme is "http" or "https" ? source : null;
        MarkdownHtml.MakeSafe(document, relativeBase, externalImages);
        var worksCited = MarkWorksCited(document);
        foreach (var node in document.Descendants().ToList())
        {
            switch (node)
            {
                case HeadingBlock heading when targets.TryGetValue((heading.Line, heading.Column), out var target):
                    heading.GetAttributes().Id = target.Mention.Anchor;
                    heading.Inline?.AppendChild(new HtmlInline(PaperLink(target.Paper, urls, paperLinkLabel, null)));
                    break;
                case HeadingBlock heading:
                    heading.GetAttributes().Id = sectionAnchors.GetValueOrDefault((heading.Line, heading.Column)) ?? HeadingId(MarkdownText.Plain(heading));
                    break;
                case ListItemBlock item when targets.TryGetValue((item.Line, item.Column), out var target)
                                             && item.LastChild is ParagraphBlock { Inline: { } inline }:
                    inline.AppendChild(new HtmlInline(PaperLink(target.Paper, urls, paperLinkLabel, null)));
                    break;
                case Inline inline when inline is LinkInline or AutolinkInline && targets.TryGetValue((inline.Line, inline.Column), out var target):
                    inline.InsertAfter(new HtmlInline(PaperLink(target.Paper, urls, paperLinkLabel, target.Mention.Anchor)));
                    break;
            }
        }

        if (list.Info.Shape == ListShape.Report && worksCited > 0)
        {
            LinkCitations(document, worksCited);
        }

        return new RawHtml(MarkdownHtml.ToHtml(document));
    }

    /// <summary>The page's h1 is the list title, so the list's own top heading level becomes h2, keeping the outline in order.</summary>
    private static void ShiftHeadings(MarkdownDocument document)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count == 0)
        {
            return;
        }

        var shift = headings.Min(h => h.Level) - 2;
        foreach (var heading in headings)
        {
            heading.Level = Math.Clamp(heading.Level - shift, 2, 6);
        }
    }

    /// <summary>The id GitHub gives a heading ("Typical LLMs" → "Typical-LLMs"), so lists' own contents links work.</summary>
    private static string HeadingId(string text)
    {
        var id = new string(text.Trim().Select(c => char.IsWhiteSpace(c) ? '-' : c).Where(c => char.IsLetterOrDigit(c) || c is '-' or '_').ToArray());
        return id.Length == 0 ? "section" : id;
    }

    private static string PaperLink(Paper paper, Urls urls, string label, string? anchor)
    {
        var id = anchor is null ? "" : $" id=\"{WebUtility.HtmlEncode(anchor)}\"";
        return $"<a class=\"to-paper\"{id} href=\"{WebUtility.HtmlEncode(urls.Paper(paper.Slug))}\" title=\"{WebUtility.HtmlEncode(paper.Title)}\">{WebUtility.HtmlEncode(label)}</a>";
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

    private static void LinkCitations(MarkdownDocument document, int max)
    {
        var names = Citations.NumberedNames(document.Descendants<HeadingBlock>().Select(MarkdownText.Plain));
        foreach (var block in document)
        {
            if (block is HeadingBlock || (block is ListBlock list && list.OfType<ListItemBlock>().Any(i => i.GetAttributes().Id?.StartsWith("cite-", StringComparison.Ordinal) == true)))
            {
                continue;
            }

            foreach (var literal in MarkdownText.InlinesIn<LiteralInline>(block).ToList())
            {
                if (literal.Parent is LinkInline)
                {
                    continue;
                }

                var text = literal.Content.ToString();
                var found = Citations.Find(text, max, names);
                if (found.IsEmpty)
                {
                    continue;
                }

                var position = 0;
                Inline anchor = literal;
                foreach (var (number, start, length) in found)
                {
                    var before = new LiteralInline(text[position..start]);
                    anchor.InsertAfter(before);
                    var link = new HtmlInline($"<a class=\"cite\" href=\"#cite-{number}\">{number}</a>");
                    before.InsertAfter(link);
                    anchor = link;
                    position = start + length;
                }

                anchor.InsertAfter(new LiteralInline(text[position..]));
                literal.Remove();
            }
        }
    }
}
