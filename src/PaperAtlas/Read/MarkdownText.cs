using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperAtlas.Diagnostics;
using PaperAtlas.Load;

namespace PaperAtlas.Read;

/// <summary>Text out of Markdig's syntax tree: plain text of inlines, source slices, locations.</summary>
public static class MarkdownText
{
    /// <summary>The visible text of an inline container: emphasis and link markup dropped, code kept.</summary>
    public static string Plain(Inline? inline)
    {
        var builder = new StringBuilder();
        Append(builder, inline);
        return Collapse(builder.ToString());
    }

    public static string Plain(LeafBlock block) => Plain(block.Inline);

    private static void Append(StringBuilder builder, Inline? inline)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case HtmlInline html:
                // Raw HTML in a title is what the author typed; keep it as text (templates escape it).
                builder.Append(html.Tag);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(builder, child);
                }

                break;
        }
    }

    /// <summary>Whitespace runs become one space; ends trimmed.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The Markdown source of a node, as the author wrote it.</summary>
    public static string Source(SourceDocument document, MarkdownObject node) =>
        node.Span.IsEmpty || node.Span.End >= document.Text.Length
            ? ""
            : document.Text.Substring(node.Span.Start, node.Span.Length);

    /// <summary>The Markdown source between two offsets (inclusive start, exclusive end).</summary>
    public static string Source(SourceDocument document, int start, int end) =>
        start >= end ? "" : document.Text[start..Math.Min(end, document.Text.Length)];

    public static SourceLocation Location(SourceDocument document, MarkdownObject node)
    {
        if (node.Span.Start >= 0 && node.Span.Start < document.Text.Length && !node.Span.IsEmpty)
        {
            var (line, column) = document.PositionOf(node.Span.Start);
            return new(document.Path, line, column);
        }

        return new(document.Path, Math.Max(1, node.Line + 1), Math.Max(1, node.Column + 1));
    }

    /// <summary>The links of an inline tree in document order (inline links and autolinks).</summary>
    public static IEnumerable<Inline> Links(ContainerInline? container) =>
        container is null
            ? []
            : container.Descendants<Inline>().Where(i => i is LinkInline { IsImage: false } or AutolinkInline);

    /// <summary>The links anywhere inside a block, in document order.</summary>
    public static IEnumerable<Inline> LinksIn(MarkdownObject block) =>
        InlinesIn<Inline>(block).Where(i => i is LinkInline { IsImage: false } or AutolinkInline);

    /// <summary>
    /// Inlines of type <typeparamref name="T"/> anywhere inside a node. Markdig's Descendants does not descend
    /// into the inlines of a leaf block it starts from, so a top-level paragraph needs its inline root walked.
    /// </summary>
    public static IEnumerable<T> InlinesIn<T>(MarkdownObject node) where T : Inline =>
        node is LeafBlock { Inline: { } inline } ? inline.Descendants<T>() : node.Descendants<T>();

    public static string? UrlOf(Inline link) => link switch
    {
        LinkInline l => l.Url,
        AutolinkInline a => a.IsEmail ? null : a.Url,
        _ => null,
    };

    /// <summary>
    /// Undoes the backslash escapes that Markdown exporters put into TeX (<c>$d\_k$</c>, <c>\=</c>, <c>\\pi</c>),
    /// so that math reads as the author meant it. Only text between <c>$</c> signs is touched.
    /// </summary>
    public static string NormaliseTex(string text)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var inMath = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '$')
            {
                inMath = !inMath;
                builder.Append(c);
                continue;
            }

            if (inMath && c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (next == '\\' && i + 2 < text.Length && char.IsAsciiLetter(text[i + 2]))
                {
                    builder.Append('\\');
                    i++;
                    continue;
                }

                if (next is '_' or '=' or '+' or '-' or '>' or '<' or '*' or '[' or ']' or '(' or ')' or '#' or '!' or '|' or '~' or '{' or '}' or '^' or '.')
                {
                    // \{ and \} are TeX themselves; keep the backslash for them.
                    if (next is '{' or '}')
                    {
                        builder.Append('\\');
                    }

                    builder.Append(next);
                    i++;
                    continue;
                }
            }

            if (c == '\n')
            {
                inMath = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The text without any occurrence of <paramref name="part"/>; an empty part removes nothing (string.Replace would throw).</summary>
    public static string Without(string text, string? part) =>
        string.IsNullOrEmpty(part) ? text : text.Replace(part, "", StringComparison.Ordinal);
}
