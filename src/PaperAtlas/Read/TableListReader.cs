using Markdig.Extensions.Tables;
using Markdig.Syntax.Inlines;

namespace PaperAtlas.Read;

/// <summary>
/// Table lists: rows of technique name, paper title and arXiv link under topic headings
/// (<c>| **LoRA** | LoRA: Low-Rank Adaptation… | [arXiv:2106.09685](…) |</c>).
/// </summary>
internal static class TableListReader
{
    /// <summary>
    /// A table with a link column that holds the papers' links. A "Link" column of code or project links is another
    /// shape (the generic reader finds the paper wherever the row links it).
    /// </summary>
    public static bool Accepts(Table table)
    {
        var linkColumn = LinkColumn(table);
        return linkColumn >= 0 && Tables.BodyRows(table).Any(row => Tables.HasPaperLink(Tables.Cell(row, linkColumn)));
    }

    private static int LinkColumn(Table table) => Tables.FindColumn(Tables.HeaderTexts(table), "arxiv", "链接", "link", "url");

    /// <summary>A title cell's title, its bold part if it has one beside other text, and the description after it.</summary>
    private static (string? Title, string Description) TitleOf(TableCell cell)
    {
        var bold = MarkdownText.InlinesIn<EmphasisInline>(cell).FirstOrDefault(e => e.DelimiterCount >= 2 && e.Parent is not EmphasisInline);
        var (title, description) = TitleText.SplitDescription(Tables.CellText(cell), bold is null ? null : MarkdownText.Plain(bold));
        return (title.Length == 0 ? null : title, description);
    }

    public static void Read(ReadContext context, Table table, PlacedBlock placed)
    {
        context.Claim(table);
        var header = Tables.HeaderTexts(table);
        var linkColumn = LinkColumn(table);
        Tables.CheckCellCounts(context, table, linkColumn);
        var titleColumn = Tables.FindColumn(header, "标题", "title", "论文", "paper");
        var nameColumn = titleColumn == 0 || linkColumn == 0 ? -1 : 0;
        foreach (var row in Tables.BodyRows(table))
        {
            var linkCell = Tables.Cell(row, linkColumn);
            var links = linkCell is null ? [] : MarkdownText.LinksIn(linkCell).ToList();
            var paperLink = links.FirstOrDefault(l => context.Target(l) is { IsPaper: true } or { MalformedArxivId: not null });
            var name = Tables.Cell(row, nameColumn) is { } nameCell ? Tables.CellText(nameCell) : null;
            var (title, description) = Tables.Cell(row, titleColumn) is { } titleCell ? TitleOf(titleCell) : (null, "");
            if (paperLink is null)
            {
                if (!string.IsNullOrEmpty(name) || !string.IsNullOrEmpty(title))
                {
                    EntryWithoutPaper.Report(context, context.LocationOf(row), name ?? title ?? "",
                        "put the paper's arXiv link (https://arxiv.org/abs/ID) in the link column");
                }

                continue;
            }

            foreach (var link in links)
            {
                context.Claim(link);
            }

            var target = context.Target(paperLink);
            if (target.ArxivId is null && target.Doi is null)
            {
                continue;
            }

            // What the link cell says besides its links: "(InstructGPT)". Link words ("Tweet", "Code") are no note.
            var remainder = Tables.CellText(linkCell!);
            foreach (var link in links.OfType<LinkInline>().Where(l => ReferenceEquals(l, paperLink) || LinkWords.IsLinkWord(MarkdownText.Plain(l))))
            {
                remainder = MarkdownText.Without(remainder, MarkdownText.Plain(link));
            }

            remainder = TitleText.Tidy(remainder);
            context.Mentions.Add(new PaperMention
            {
                ListId = context.ListId,
                SourceFile = context.Document.RelativePath,
                Location = context.LocationOf(paperLink),
                Kind = MentionKind.Entry,
                Sections = placed.Sections,
                ArxivId = target.ArxivId,
                Doi = target.Doi,
                Title = string.IsNullOrWhiteSpace(title) ? null : title,
                Name = string.IsNullOrWhiteSpace(name) ? null : name,
                Url = MarkdownText.UrlOf(paperLink),
                Note = string.Join(" · ", new[] { description, remainder }.Where(n => n.Length > 0)),
                Anchor = context.NewAnchor(name ?? title ?? target.ArxivId ?? "row"),
            });
        }
    }
}
