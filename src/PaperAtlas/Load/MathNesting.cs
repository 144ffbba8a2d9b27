using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Syntax;
using PaperAtlas.Render;

namespace PaperAtlas.Load;

/// <summary>
/// Finds math that the renderer would not convert because it nests too deep (<see cref="TexToMathMl.MaxDepth"/>), with
/// the same parse and converter the renderer uses, so that check reports it at its line before a build meets it.
/// </summary>
public static class MathNesting
{
    /// <summary>The line and column (1-based) of the first math span that nests too deep; null when there is none.</summary>
    public static (int Line, int Column)? FindTooDeep(string text)
    {
        // Math lies between two '$'; a span with fewer nesting marks than the limit cannot pass it. Most files end here.
        if (!text.Split('$').Any(piece => NestingMarks(piece) >= TexToMathMl.MaxDepth))
        {
            return null;
        }

        var document = Markdown.Parse(text, MarkdownHtml.Pipeline);
        foreach (var node in document.Descendants())
        {
            var tex = node switch
            {
                MathInline inline => inline.Content.ToString(),
                MathBlock block => block.Lines.ToString(),
                _ => null,
            };
            if (tex is not null && TexToMathMl.NestsTooDeep(tex))
            {
                return (node.Line + 1, node.Column + 1);
            }
        }

        return null;
    }

    private static int NestingMarks(string piece)
    {
        var marks = 0;
        for (var i = 0; i < piece.Length; i++)
        {
            if (piece[i] is '{' or '^' or '_' || (piece[i] == '\\' && i + 1 < piece.Length && char.IsAsciiLetter(piece[i + 1])))
            {
                marks++;
            }
        }

        return marks;
    }
}
