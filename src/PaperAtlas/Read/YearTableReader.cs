using System.Globalization;
using Markdig.Extensions.Tables;
using Markdig.Syntax.Inlines;

namespace PaperAtlas.Read;

/// <summary>
/// Year tables: <c>| 年份 | 名字 | 简介 | 精读 |</c> rows with a year, a linked name, a summary (often Chinese)
/// and a "deep read" link. Empty placeholder rows are skipped; a linked name that is no arXiv paper
/// (GPT, ChatGPT) is still a paper, keyed by its title.
/// </summary>
internal static class YearTableReader
{
    public static bool Accepts(IReadOnlyList<string> header) =>
        Tables.FindColumn(header, "年份", "year") == 0 && Tables.FindColumn(header, "名字", "名称", "name", "title", "paper") > 0;

    public static void Read(ReadContext context, Table table, PlacedBlock placed)
    {
        context.Claim(table);
        var header = Tables.HeaderTexts(table);
        var nameColumn = Tables.FindColumn(header, "名字", "名称", "name", "title", "paper");
        Tables.CheckCellCounts(context, table, nameColumn);
        var summaryColumn = Tables.FindColumn(header, "简介", "summary", "description", "说明");
        foreach (var row in Tables.BodyRows(table))
        {
            var nameCell = Tables.Cell(row, nameColumn);
            if (nameCell is null || Tables.CellText(nameCell).Length == 0)
            {
                continue;
            }

            var yearCell = Tables.Cell(row, 0);
            int? year = yearCell is not null && int.TryParse(Tables.CellText(yearCell), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 1900 and < 2200
                ? y
                : null;
            var link = MarkdownText.LinksIn(nameCell).FirstOrDefault();
            var target = link is null ? null : context.Target(link);
            if (link is not null)
            {
                context.Claim(link);
            }

            var text = link is LinkInline l ? MarkdownText.Plain(l) : Tables.CellText(nameCell);
            var (title, name) = TitleOrName(text);
            var summary = Tables.Cell(row, summaryColumn) is { } summaryCell
                ? MarkdownText.NormaliseTex(MarkdownText.Source(context.Document, summaryCell).Trim())
                : "";
            context.Mentions.Add(new PaperMention
            {
                ListId = context.ListId,
                SourceFile = context.Document.RelativePath,
                Location = context.LocationOf(link ?? (Markdig.Syntax.MarkdownObject)nameCell),
                Kind = MentionKind.Entry,
                Sections = placed.Sections,
                ArxivId = target?.ArxivId,
                Doi = target?.Doi,
                Title = title,
                Name = name,
                Year = year,
                YearLocation = year is null || yearCell is null ? null : context.LocationOf(yearCell),
                Url = link is null ? null : MarkdownText.UrlOf(link),
                Note = summary,
                Anchor = context.NewAnchor(text),
            });
        }
    }

    /// <summary>Year tables name papers either by full title or by nickname ("Transformer", "Llama 2").</summary>
    public static (string? Title, string? Name) TitleOrName(string text)
    {
        if (text.Length == 0 || Uri.IsWellFormedUriString(text, UriKind.Absolute))
        {
            return (null, null);
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words >= 4 || text.Contains(':', StringComparison.Ordinal) ? (text, null) : (null, text);
    }
}
