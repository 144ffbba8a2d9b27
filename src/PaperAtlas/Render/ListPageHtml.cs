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

    /// <summary>The body's markup alone, for a page that shows no sections of the list's own.</summary>
    public static string Render(ListBody input) => RenderBody(input).Html.Value;

    public static ListPageBody RenderBody(ListBody input)
    {
        var list = input.List;
        var label = (Text: input.PaperLinkLabel, input.LabelLang);
        var targets = new Dictionary<(int Line, int Column), ListTarget>();
        foreach (var target in input.Targets)
        {
            targets[(target.Line - 1, target.Column - 1)] = target;
        }

        var sectionAnchors = list.TopicNotes.ToDictionary(n => (n.Section.Location.Line - 1, n.Section.Location.Column - 1), n => n.Anchor);
        var ownSections = list.OwnSections.Select(s => (s.Section.Location.Line - 1, s.Section.Location.Column - 1)).ToHashSet();
        var body = list.Info.Body;
        var document = Markdown.Parse(body, MarkdownHtml.Pipeline);
        if (ReadContext.DocumentTitle(document) is { } title)
        {
            title.Remove();
        }

        HtmlHeadingsAsHeadings(document, body);
        ShiftHeadings(document);
        MarkdownHtml.MakeSafe(document, SourceUri(list.Info), input.ExternalImages);
        var worksCited = MarkWorksCited(document);
        var positions = new LinePositions(body);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var sectionIds = new Dictionary<(int Line, int Column), string>();
        var literals = new List<LiteralInline>();
        foreach (var node in document.Descendants().ToList())
        {
            switch (node)
            {
                case HeadingBlock heading when targets.TryGetValue((heading.Line, heading.Column), out var target):
                    heading.GetAttributes().Id = target.Anchor;
                    heading.Inline?.AppendChild(new HtmlInline(PaperLink(target, label, null)));
                    break;
                case HeadingBlock heading:
                    var id = sectionAnchors.GetValueOrDefault((heading.Line, heading.Column)) ?? heading.GetAttributes().Id ?? HeadingId(MarkdownText.Plain(heading));
                    if (ownSections.Contains((heading.Line, heading.Column)))
                    {
                        // The page's section list links here, so the id must be the page's only one (as GitHub numbers repeats).
                        for (var n = 1; ids.Contains(id); n++)
                        {
                            id = $"{HeadingId(MarkdownText.Plain(heading))}-{n}";
                        }

                        sectionIds[(heading.Line + 1, heading.Column + 1)] = id;
                    }

                    heading.GetAttributes().Id = id;
                    ids.Add(id);
                    break;
                case ListItemBlock item when targets.TryGetValue((item.Line, item.Column), out var target)
                                             && item.LastChild is ParagraphBlock { Inline: { } inline }:
                    inline.AppendChild(new HtmlInline(PaperLink(target, label, null)));
                    break;
                case Inline inline when inline is LinkInline or AutolinkInline && targets.TryGetValue(positions.Of(inline), out var target):
                    inline.InsertAfter(new HtmlInline(PaperLink(target, label, target.Anchor)));
                    break;
                case LiteralInline literal when literal.Parent is not LinkInline:
                    literals.Add(literal);
                    break;
            }
        }

        MarkPlainTextLinks(literals, targets, positions, label);
        if (list.Info.Shape == ListShape.Report && worksCited > 0)
        {
            CitationLinks.Link(document, worksCited, CitationLinks.NumberedNames(list), n => $"#cite-{n}");
        }

        if (LanguageOfParts.IsChinese(list.Info.Lang))
        {
            LanguageOfParts.MarkEnglishLinks(document);
        }

        return new ListPageBody(new RawHtml(MarkdownHtml.ToHtml(document)), sectionIds);
    }

    /// <summary>
    /// A paper cited as plain text (<c>arXiv:2106.07139</c>, a URL after <c>论文地址：</c>) is marked where its text ends:
    /// the literal that holds it is split there.
    /// </summary>
    private static void MarkPlainTextLinks(
        List<LiteralInline> literals, Dictionary<(int Line, int Column), ListTarget> targets, LinePositions positions, (string Text, string? Lang) label)
    {
        var lines = targets.Keys.Select(k => k.Line).ToHashSet();
        foreach (var literal in literals)
        {
            var text = literal.Content.ToString();
            var (line, column) = positions.Of(literal);
            if (literal.Span.Length != text.Length || !lines.Contains(line))
            {
                continue;
            }

            var cuts = new List<(int End, ListTarget Target)>();
            foreach (var found in PlainTextLinks.In(text))
            {
                if (targets.TryGetValue((line, column + found.Start), out var target))
                {
                    cuts.Add((found.Start + found.Length, target));
                }
            }

            Inline after = literal;
            var position = 0;
            foreach (var (end, target) in cuts)
            {
                var piece = new LiteralInline(text[position..end]);
                after.InsertAfter(piece);
                var link = new HtmlInline(PaperLink(target, label, target.Anchor));
                piece.InsertAfter(link);
                (after, position) = (link, end);
            }

            if (cuts.Count > 0)
            {
                after.InsertAfter(new LiteralInline(text[position..]));
                literal.Remove();
            }
        }
    }

    /// <summary>
    /// A raw HTML block that is one heading (<c>&lt;h2 id="x"&gt;Technique&lt;/h2&gt;</c>) is a section of the list: it is shown
    /// as a heading of the page, keeping its id so the list's own contents links still reach it.
    /// </summary>
    private static void HtmlHeadingsAsHeadings(MarkdownDocument document, string body)
    {
        foreach (var html in document.OfType<HtmlBlock>().ToList())
        {
            var source = html.Span.IsEmpty || html.Span.End >= body.Length ? "" : body.Substring(html.Span.Start, html.Span.Length);
            if (SectionTitle.OfHtmlHeading(source) is not { } found)
            {
                continue;
            }

            var heading = new HeadingBlock(null!) { Level = found.Level, Line = html.Line, Column = html.Column, Span = html.Span };
            heading.Inline = new ContainerInline().AppendChild(new LiteralInline(SectionTitle.Clean(found.Title)));
            // Its id, in the characters a heading's own id has (the raw HTML's attributes are never copied as written).
            if (Read.MarkdownEntryText.AttributeOf(source[..(source.IndexOf('>', StringComparison.Ordinal) + 1)], "id") is { Length: > 0 } id)
            {
                heading.GetAttributes().Id = HeadingId(id);
            }

            var index = document.IndexOf(html);
            document.RemoveAt(index);
            document.Insert(index, heading);
        }
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

    /// <summary>The 1-based line and column of a node from its offset in the list's text (Markdig's own line numbers drift after hard line breaks).</summary>
    private sealed class LinePositions(string text)
    {
        private readonly int[] _starts = [0, .. text.Select((c, i) => (c, i)).Where(x => x.c == '\n').Select(x => x.i + 1)];

        public (int Line, int Column) Of(Inline inline)
        {
            if (inline.Span.IsEmpty || inline.Span.Start < 0)
            {
                return (inline.Line, inline.Column);
            }

            var index = Array.BinarySearch(_starts, inline.Span.Start);
            var line = index >= 0 ? index : ~index - 1;
            return (line, inline.Span.Start - _starts[line]);
        }
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

/// <summary>A list page's body, and the ids it gave the headings of the list's own sections (by their 1-based line and column).</summary>
public sealed record ListPageBody(RawHtml Html, IReadOnlyDictionary<(int Line, int Column), string> SectionIds);

/// <summary>An entry of a list (by its 1-based line and column) and the paper page it links to.</summary>
public sealed record ListTarget(int Line, int Column, string Anchor, string PaperUrl, string PaperTitle);

/// <summary>What a list's page body is made from (<see cref="ListPageHtml.Input"/>): equal inputs make the same body.</summary>
/// <param name="LabelLang">The language of the link label, when it is not the list's.</param>
public sealed record ListBody(SourceList List, EquatableArray<ListTarget> Targets, string PaperLinkLabel, string? LabelLang, bool ExternalImages);
