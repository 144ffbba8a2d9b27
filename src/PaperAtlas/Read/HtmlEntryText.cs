using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig.Syntax;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Read;

/// <summary>
/// Entries inside a raw HTML block: each table row, list item or paragraph that holds a paper link
/// (<c>&lt;a href="https://arxiv.org/abs/…"&gt;</c>) is flattened into an <see cref="EntryText"/>.
/// Blocks without a paper link are never parsed.
/// </summary>
internal static partial class HtmlEntryText
{
    private static readonly string[] EntryElements = ["tr", "li", "p", "dd", "dt", "div", "td", "blockquote"];

    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "div", "li", "ul", "ol", "tr", "table", "thead", "tbody", "dd", "dt", "dl", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "details", "summary", "center", "section", "hr",
    };

    [GeneratedRegex(@"href\s*=\s*[""']?\s*(?<url>[^""'\s>]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static List<EntryText> EntriesOf(ReadContext context, HtmlBlock block)
    {
        var source = MarkdownText.Source(context.Document, block);
        if (!Href().Matches(source).Any(m => LinkTarget.Of(System.Net.WebUtility.HtmlDecode(m.Groups["url"].Value)).IsPaper))
        {
            return [];
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(source);
        var origin = context.LocationOf(block);
        var entries = new List<EntryText>();
        var seen = new HashSet<IElement>();
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            if (!LinkTarget.Of(anchor.GetAttribute("href")).IsPaper)
            {
                continue;
            }

            var element = EntryElements.Select(anchor.Closest).FirstOrDefault(e => e is not null) ?? document.Body!;
            if (seen.Add(element))
            {
                var entry = new EntryText(LocationOf(origin, element));
                Flatten(entry, element, origin, TextStyle.None, -1, -1);
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static void Flatten(EntryText entry, INode node, SourceLocation origin, TextStyle style, int emphasis, int link)
    {
        if (node is IElement { LocalName: "tr" } row)
        {
            var cell = 0;
            foreach (var child in row.Children.Where(c => c.LocalName is "td" or "th"))
            {
                entry.StartCell(cell++);
                Flatten(entry, child, origin, style, emphasis, link);
            }

            return;
        }

        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    entry.Add(Whitespace().Replace(text.Data, " "), style, emphasis, link);
                    break;
                case IElement element:
                    FlattenElement(entry, element, origin, style, emphasis, link);
                    break;
            }
        }
    }

    private static void FlattenElement(EntryText entry, IElement element, SourceLocation origin, TextStyle style, int emphasis, int link)
    {
        switch (element.LocalName)
        {
            case "script" or "style" or "template":
                return;
            case "br":
                entry.AddLineBreak();
                return;
            case "img":
                entry.AddImage(element.GetAttribute("alt") ?? "", link);
                return;
            case "a" when link < 0 && element.GetAttribute("href") is { Length: > 0 } href:
                var index = entry.AddLink(new EntryLink(href.Trim(), LinkTarget.Of(href.Trim()), LocationOf(origin, element), null, Placeable: false));
                entry.MarkLink(index);
                Flatten(entry, element, origin, style, emphasis, index);
                return;
            case "b" or "strong":
                Flatten(entry, element, origin, style | TextStyle.Strong, emphasis >= 0 ? emphasis : entry.NewEmphasis(), link);
                return;
            case "i" or "em":
                Flatten(entry, element, origin, style | TextStyle.Italic, emphasis >= 0 ? emphasis : entry.NewEmphasis(), link);
                return;
            case "u":
                Flatten(entry, element, origin, style | TextStyle.Underline, emphasis >= 0 ? emphasis : entry.NewEmphasis(), link);
                return;
            case var name when BlockElements.Contains(name) || name is "td" or "th":
                entry.AddLineBreak();
                Flatten(entry, element, origin, style, emphasis, link);
                entry.AddLineBreak();
                return;
            default:
                Flatten(entry, element, origin, style, emphasis, link);
                return;
        }
    }

    /// <summary>An element's place in the file: the block's place moved by the element's line and column inside it.</summary>
    private static SourceLocation LocationOf(SourceLocation origin, IElement element)
    {
        if (element.SourceReference?.Position is not { Line: > 0 } position)
        {
            return origin;
        }

        return position.Line == 1
            ? origin with { Column = origin.Column + position.Column - 1 }
            : origin with { Line = origin.Line + position.Line - 1, Column = position.Column };
    }
}
