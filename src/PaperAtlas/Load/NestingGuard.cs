using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PaperAtlas.Load;

/// <summary>
/// Refuses content nested deeper than any reading list needs. Parsers recurse (Markdig throws past its own
/// limit, YamlDotNet overflows the stack), so the cheap scans run on the text before any parser sees it,
/// and a walk of the finished syntax tree catches what the scans cannot see (emphasis inside links, …).
/// </summary>
public static class NestingGuard
{
    /// <summary>The deepest nesting accepted: block quotes, list items, brackets, emphasis and YAML collections alike.</summary>
    public const int MaxDepth = 64;

    /// <summary>Markdig's own limit (it throws past it), set above ours so that our diagnostics, with their lines, come first.</summary>
    public const int ParserDepthLimit = 2 * MaxDepth;

    /// <summary>The first place (1-based line and column) where Markdown nests too deep, scanning line prefixes and open brackets.</summary>
    public static (int Line, int Column, int Depth)? ScanMarkdown(string text)
    {
        var line = 1;
        var bracketDepth = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var span = text.AsSpan(start, end - start);
            if (span.Trim().IsEmpty)
            {
                bracketDepth = 0;
            }
            else
            {
                var prefix = PrefixDepth(span, out var column);
                if (prefix > MaxDepth)
                {
                    return (line, column, prefix);
                }

                for (var i = 0; i < span.Length; i++)
                {
                    switch (span[i])
                    {
                        case '\\':
                            i++;
                            break;
                        case '[':
                            if (++bracketDepth > MaxDepth)
                            {
                                return (line, i + 1, bracketDepth);
                            }

                            break;
                        case ']' when bracketDepth > 0:
                            bracketDepth--;
                            break;
                    }
                }
            }

            line++;
            start = end + 1;
        }

        return null;
    }

    /// <summary>Block quote and list markers at the start of a line, with the indentation of nested list items.</summary>
    private static int PrefixDepth(ReadOnlySpan<char> line, out int column)
    {
        var markers = 0;
        var indent = 0;
        var i = 0;
        column = 1;
        while (i < line.Length)
        {
            var spaces = 0;
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                spaces += line[i] == '\t' ? 4 : 1;
                i++;
            }

            if (markers == 0)
            {
                indent = spaces;
            }

            if (i >= line.Length)
            {
                break;
            }

            var c = line[i];
            if (c == '>')
            {
                i++;
            }
            else if (c is '-' or '*' or '+' && (i + 1 >= line.Length || line[i + 1] is ' ' or '\t'))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var j = i;
                while (j < line.Length && j - i < 9 && char.IsAsciiDigit(line[j]))
                {
                    j++;
                }

                if (j < line.Length && line[j] is '.' or ')' && (j + 1 >= line.Length || line[j + 1] is ' ' or '\t'))
                {
                    i = j + 1;
                }
                else
                {
                    break;
                }
            }
            else
            {
                break;
            }

            markers++;
            column = i;
        }

        return markers == 0 ? 0 : markers + indent / 2;
    }

    /// <summary>The first place where YAML nests too deep: indentation, `- ` items and open <c>[</c>/<c>{</c>.</summary>
    public static (int Line, int Column, int Depth)? ScanYaml(string yaml)
    {
        var flow = 0;
        var lines = yaml.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var text = lines[n];
            var i = 0;
            var depth = 0;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            depth += i / 2;
            while (i + 1 < text.Length && text[i] is '-' or '?' && text[i + 1] is ' ' or '\t')
            {
                depth++;
                i += 2;
                while (i < text.Length && text[i] is ' ' or '\t')
                {
                    i++;
                }
            }

            if (depth > MaxDepth)
            {
                return (n + 1, i + 1, depth);
            }

            for (var k = 0; k < text.Length; k++)
            {
                if (text[k] is '[' or '{')
                {
                    if (++flow > MaxDepth)
                    {
                        return (n + 1, k + 1, flow);
                    }
                }
                else if (text[k] is ']' or '}' && flow > 0)
                {
                    flow--;
                }
            }
        }

        return null;
    }

    /// <summary>The first node of a parsed document that sits deeper than <see cref="MaxDepth"/>, walked without recursion.</summary>
    public static (MarkdownObject Node, int Depth)? FindTooDeep(MarkdownDocument document)
    {
        var stack = new Stack<(MarkdownObject Node, int Depth)>();
        stack.Push((document, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > MaxDepth)
            {
                return (node, depth);
            }

            switch (node)
            {
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        stack.Push((container[i], depth + 1));
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    stack.Push((inline, depth + 1));
                    break;
                case ContainerInline inlines:
                    for (var child = inlines.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        stack.Push((child, depth + 1));
                    }

                    break;
            }
        }

        return null;
    }
}
