using Markdig.Syntax;

namespace PaperAtlas.Load;

public enum DocumentKind
{
    List,
    Paper,
}

/// <summary>A content file as loaded: where it is, its front-matter, and its Markdown syntax tree.</summary>
/// <param name="Path">The path shown to people in diagnostics, e.g. <c>content/lists/llmfreshman.md</c>.</param>
/// <param name="RelativePath">The path inside the content folder, e.g. <c>lists/llmfreshman.md</c>.</param>
public sealed record SourceDocument(
    string Path,
    string RelativePath,
    DocumentKind Kind,
    string Text,
    FrontMatter FrontMatter,
    MarkdownDocument Markdown)
{
    /// <summary>Where the Markdown body starts, after the front-matter.</summary>
    public int BodyStart { get; init; }

    /// <summary>The file name without extension: a list's id, or a paper file's expected id.</summary>
    public string Stem => System.IO.Path.GetFileNameWithoutExtension(RelativePath);

    private int[]? _lineStarts;

    /// <summary>
    /// The 1-based line and column of a character offset in <see cref="Text"/>. Markdig's own line numbers can
    /// drift (inlines of a setext heading count from its underline), offsets do not.
    /// </summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        var starts = _lineStarts ??= LineStarts(Text);
        var index = Array.BinarySearch(starts, Math.Clamp(offset, 0, Text.Length));
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - starts[line] + 1);
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
