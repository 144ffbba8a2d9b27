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
}
