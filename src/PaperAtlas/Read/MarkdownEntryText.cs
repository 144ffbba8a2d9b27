using System.Net;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PaperAtlas.Read;

/// <summary>
/// Flattens Markdown inlines into an <see cref="EntryText"/>: emphasis, links, images and line breaks, inline HTML
/// (<c>&lt;a href&gt;</c>, <c>&lt;b&gt;</c>, <c>&lt;u&gt;</c>, <c>&lt;br&gt;</c>), and URLs and arXiv ids written as plain text.
/// </summary>
internal static partial class MarkdownEntryText
{
    [GeneratedRegex(@"^<\s*(?<close>/)?\s*(?<name>[a-zA-Z][a-zA-Z0-9]*)(?<attrs>[^>]*)>$", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<![\w-])(?<name>[\w-]+)\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s""'>]+))", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();

    /// <summary>Appends a leaf block's inlines (a paragraph, a heading, a table cell's paragraph) to the entry.</summary>
    /// <param name="plainText">Whether URLs and arXiv ids written as plain text count as links.</param>
    public static void Append(ReadContext context, EntryText entry, LeafBlock block, bool plainText)
    {
        if (block.Inline is { } inline)
        {
            Walk(context, entry, inline, new Around(TextStyle.None, -1, -1, plainText), new HtmlTags());
        }
    }

    /// <summary>The style, emphasis span and link that surround the inlines being walked.</summary>
    private readonly record struct Around(TextStyle Style, int Emphasis, int Link, bool PlainText);

    private static void Walk(ReadContext context, EntryText entry, ContainerInline container, Around around, HtmlTags html)
    {
        foreach (var child in container)
        {
            var at = html.Around(around);
            switch (child)
            {
                case LiteralInline literal:
                    AddLiteral(context, entry, literal, at);
                    break;
                case CodeInline code:
                    entry.Add(code.Content, at.Style, at.Emphasis, at.Link);
                    break;
                case HtmlEntityInline entity:
                    entry.Add(entity.Transcoded.ToString(), at.Style, at.Emphasis, at.Link);
                    break;
                case LineBreakInline:
                    entry.AddLineBreak();
                    break;
                case AutolinkInline autolink:
                    var auto = at.Link >= 0 || autolink.IsEmail ? at.Link : AddLink(context, entry, autolink, autolink.Url);
                    entry.Add(autolink.Url, at.Style, at.Emphasis, auto);
                    break;
                case LinkInline { IsImage: true } image:
                    entry.AddImage(MarkdownText.Plain(image), at.Link);
                    break;
                case LinkInline link:
                    var index = at.Link >= 0 ? at.Link : AddLink(context, entry, link, link.Url);
                    Walk(context, entry, link, at with { Link = index }, html);
                    entry.MarkLink(index);
                    break;
                case EmphasisInline emphasis:
                    var style = emphasis.DelimiterCount >= 2 ? TextStyle.Strong : TextStyle.Italic;
                    Walk(context, entry, emphasis, at with { Style = at.Style | style, Emphasis = at.Emphasis >= 0 ? at.Emphasis : entry.NewEmphasis() }, html);
                    break;
                case HtmlInline tag:
                    html.Apply(context, entry, tag);
                    break;
                case ContainerInline inner:
                    Walk(context, entry, inner, at, html);
                    break;
            }
        }
    }

    private static int AddLink(ReadContext context, EntryText entry, Inline node, string? url)
    {
        // A link a shape reader has read is kept as text but is no paper of this entry.
        var target = context.IsClaimed(node) ? LinkTarget.Of(null) : context.Target(node);
        return entry.AddLink(new EntryLink(url ?? "", target, context.LocationOf(node), node, Placeable: true));
    }

    private static void AddLiteral(ReadContext context, EntryText entry, LiteralInline literal, Around at)
    {
        var text = literal.Content.ToString();
        if (at.Link >= 0 || !at.PlainText)
        {
            entry.Add(text, at.Style, at.Emphasis, at.Link);
            return;
        }

        var position = 0;
        foreach (var found in PlainTextLinks.In(text))
        {
            entry.Add(text[position..found.Start], at.Style, at.Emphasis, -1);
            // A literal's text is its source when the two have one length (no escapes or entities were folded into it).
            var location = literal.Span.Length == text.Length
                ? context.LocationAt(literal.Span.Start + found.Start)
                : context.LocationOf(literal);
            var link = entry.AddLink(new EntryLink(found.Url, LinkTarget.Of(found.Url), location, literal, Placeable: true));
            entry.Add(text.Substring(found.Start, found.Length), at.Style, at.Emphasis, link);
            position = found.Start + found.Length;
        }

        entry.Add(text[position..], at.Style, at.Emphasis, -1);
    }

    /// <summary>The HTML value of an attribute of a tag, entities decoded; null when the tag has none.</summary>
    public static string? AttributeOf(string tag, string name)
    {
        foreach (Match match in Attribute().Matches(tag))
        {
            if (string.Equals(match.Groups["name"].Value, name, StringComparison.OrdinalIgnoreCase))
            {
                return WebUtility.HtmlDecode(match.Groups["v"].Value).Trim();
            }
        }

        return null;
    }

    /// <summary>
    /// Inline HTML arrives as separate tags with the text between them as siblings: the open tags are tracked here,
    /// so the text inside <c>&lt;a href&gt;…&lt;/a&gt;</c> is the link's and the text inside <c>&lt;b&gt;</c> is bold.
    /// </summary>
    private sealed class HtmlTags
    {
        private readonly List<(string Name, TextStyle Style, int Emphasis, int Link)> _open = [];

        public Around Around(Around outer)
        {
            var around = outer;
            foreach (var (_, style, emphasis, link) in _open)
            {
                around = around with { Style = around.Style | style, Emphasis = around.Emphasis >= 0 ? around.Emphasis : emphasis, Link = around.Link >= 0 ? around.Link : link };
            }

            return around;
        }

        public void Apply(ReadContext context, EntryText entry, HtmlInline inline)
        {
            var match = Tag().Match(inline.Tag);
            if (!match.Success)
            {
                return;
            }

            var name = match.Groups["name"].Value.ToLowerInvariant();
            if (match.Groups["close"].Success)
            {
                var open = _open.FindLastIndex(t => t.Name == name);
                if (open >= 0)
                {
                    _open.RemoveRange(open, _open.Count - open);
                }

                return;
            }

            switch (name)
            {
                case "br":
                    entry.AddLineBreak();
                    break;
                case "img":
                    entry.AddImage(AttributeOf(inline.Tag, "alt") ?? "", -1);
                    break;
                case "a" when AttributeOf(inline.Tag, "href") is { Length: > 0 } href:
                    var link = entry.AddLink(new EntryLink(href, LinkTarget.Of(href), context.LocationOf(inline), null, Placeable: false));
                    entry.MarkLink(link);
                    _open.Add((name, TextStyle.None, -1, link));
                    break;
                case "b" or "strong":
                    _open.Add((name, TextStyle.Strong, entry.NewEmphasis(), -1));
                    break;
                case "i" or "em":
                    _open.Add((name, TextStyle.Italic, entry.NewEmphasis(), -1));
                    break;
                case "u":
                    _open.Add((name, TextStyle.Underline, entry.NewEmphasis(), -1));
                    break;
            }
        }
    }
}
