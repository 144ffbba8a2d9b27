using Markdig.Extensions.Tables;
using Markdig.Syntax;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Read;

/// <summary>Pipe-table helpers shared by the table-shaped readers.</summary>
internal static class Tables
{
    /// <summary>
    /// The cells the author wrote. Markdig pads short rows to the widest row's width; padded cells have
    /// neither content nor a source span, which is how they are told apart from an empty <c>| |</c>.
    /// </summary>
    public static int WrittenCells(TableRow row) =>
        row.Cast<TableCell>().Count(c => c.Count > 0 || c.Span.Length > 0);

    public static IReadOnlyList<string> HeaderTexts(Table table) =>
        table.Count == 0 ? [] : [.. ((TableRow)table[0]).Cast<TableCell>().Select(CellText)];

    public static string CellText(TableCell cell) =>
        MarkdownText.Collapse(string.Join(' ', cell.OfType<LeafBlock>().Select(MarkdownText.Plain)));

    public static IEnumerable<TableRow> BodyRows(Table table) => table.Skip(1).Cast<TableRow>().Where(r => !r.IsHeader);

    /// <summary>
    /// Reports every body row whose written cell count differs from the header's. GitHub shows such a row with missing
    /// cells empty and extra cells dropped, and so does Read: a warning. It is an error only where a shape reads the
    /// row by column (<paramref name="paperColumn"/>, -1 for none) and the row would lose or misplace what it says:
    /// text in a cell beyond the header, or a paper link that has moved out of its column.
    /// </summary>
    public static void CheckCellCounts(ReadContext context, Table table, int paperColumn)
    {
        if (table.Count == 0)
        {
            return;
        }

        var header = WrittenCells((TableRow)table[0]);
        foreach (var row in BodyRows(table))
        {
            var cells = WrittenCells(row);
            if (cells == header)
            {
                continue;
            }

            var message = $"this table row has {cells} cells but the header has {header}";
            var help = $"add or remove `|` separators so the row has exactly {header} cells (leave a cell empty with `| |`)";
            var loses = paperColumn >= 0 && row.Cast<TableCell>().Skip(header).Any(c => CellText(c).Length > 0);
            var misplaced = paperColumn >= 0 && !HasPaperLink(Cell(row, paperColumn))
                            && row.Cast<TableCell>().Where((_, i) => i != paperColumn).Any(HasPaperLink);
            if (loses || misplaced)
            {
                context.Diagnostics.Error(DiagnosticCodes.TableRowCells, context.LocationOf(row),
                    message + (misplaced ? ", so its paper link has moved out of its column" : ", so the text of the extra cells would be lost"), help);
            }
            else
            {
                context.Diagnostics.Warning(DiagnosticCodes.TableRowCells, context.LocationOf(row),
                    message + "; it is read as GitHub shows it, missing cells empty and extra cells dropped", help);
            }
        }
    }

    /// <summary>True when the cell holds a link to a paper (or an arXiv link whose id is malformed).</summary>
    public static bool HasPaperLink(TableCell? cell) =>
        cell is not null && MarkdownText.LinksIn(cell).Any(l => LinkTarget.Of(MarkdownText.UrlOf(l)) is { IsPaper: true } or { MalformedArxivId: not null });

    public static int FindColumn(IReadOnlyList<string> header, params string[] words)
    {
        for (var i = 0; i < header.Count; i++)
        {
            foreach (var word in words)
            {
                if (header[i].Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    public static TableCell? Cell(TableRow row, int index) =>
        index >= 0 && index < row.Count ? (TableCell)row[index] : null;
}
