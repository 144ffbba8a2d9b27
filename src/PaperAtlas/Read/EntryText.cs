using Markdig.Syntax.Inlines;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Read;

[Flags]
internal enum TextStyle
{
    None = 0,
    Strong = 1,
    Italic = 2,
    Underline = 4,
}

internal enum PieceKind
{
    Text,

    /// <summary>An image (a badge, an icon): its alt text is never a title.</summary>
    Image,

    LineBreak,

    /// <summary>The boundary between two table cells.</summary>
    CellBreak,
}

/// <summary>A link of an entry in whatever form it is written: Markdown, autolink, HTML <c>a</c>, a URL or arXiv id in plain text.</summary>
/// <param name="Node">The Markdown inline the link was read from; null for HTML.</param>
/// <param name="Placeable">Whether the list page can mark the link's place (Markdown links and plain text can, raw HTML cannot).</param>
internal sealed record EntryLink(string Url, LinkTarget Target, SourceLocation Location, Inline? Node, bool Placeable);

/// <summary>
/// One run of an entry's text with what surrounds it: the emphasis span it is in (the outermost, -1 for none),
/// the link it is the text of (-1 for none), and its table cell (-1 outside tables).
/// </summary>
internal readonly record struct EntryPiece(PieceKind Kind, string Text, TextStyle Style, int Emphasis, int Link, int Cell);

/// <summary>
/// An entry (a list item, a table row, a paragraph) flattened into styled runs of text and the links among them,
/// whether it was written in Markdown or in HTML, so one model reads every form.
/// </summary>
internal sealed class EntryText(SourceLocation location)
{
    private readonly HashSet<int> _placedLinks = [];
    private int _emphases;

    public SourceLocation Location { get; } = location;

    public List<EntryPiece> Pieces { get; } = [];

    public List<EntryLink> Links { get; } = [];

    /// <summary>The table cell that text added now belongs to (-1 outside tables).</summary>
    public int Cell { get; private set; } = -1;

    public int NewEmphasis() => _emphases++;

    public int AddLink(EntryLink link)
    {
        Links.Add(link);
        return Links.Count - 1;
    }

    public void Add(string text, TextStyle style, int emphasis, int link)
    {
        if (text.Length > 0)
        {
            Pieces.Add(new EntryPiece(PieceKind.Text, text, style, emphasis, link, Cell));
            _placedLinks.Add(link);
        }
    }

    public void AddImage(string alt, int link)
    {
        Pieces.Add(new EntryPiece(PieceKind.Image, alt, TextStyle.None, -1, link, Cell));
        _placedLinks.Add(link);
    }

    /// <summary>Marks where a link stands when it has no text of its own (<c>[](url)</c>), so every link has a place among the pieces.</summary>
    public void MarkLink(int link)
    {
        if (!_placedLinks.Contains(link))
        {
            AddImage("", link);
        }
    }

    public void AddLineBreak()
    {
        if (Pieces.Count > 0 && Pieces[^1].Kind is not (PieceKind.LineBreak or PieceKind.CellBreak))
        {
            Pieces.Add(new EntryPiece(PieceKind.LineBreak, "", TextStyle.None, -1, -1, Cell));
        }
    }

    /// <summary>Starts the next table cell; cells are numbered from 0 in the order they are started.</summary>
    public void StartCell(int cell)
    {
        if (Pieces.Count > 0)
        {
            Pieces.Add(new EntryPiece(PieceKind.CellBreak, "", TextStyle.None, -1, -1, Cell));
        }

        Cell = cell;
    }
}
