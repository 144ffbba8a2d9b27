using Markdig.Extensions.Tables;
using Markdig.Syntax;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Read;

/// <summary>
/// Reads whatever no shape reader claimed, as entries of a generic list (see <see cref="EntryModel"/>): list items,
/// table rows, paragraphs, headings and raw HTML blocks that hold a paper link in any form. Each paper becomes a
/// mention with what its entry says; an info diagnostic says the file was read this way.
/// </summary>
internal static class EntryReader
{
    public static int Read(ReadContext context)
    {
        var reader = new Walker(context);
        for (var i = 0; i < context.Blocks.Length; i++)
        {
            // The first entry right under a heading may be the paper the heading names ("### Attention Is All You Need").
            reader.HeadingAbove = i > 0 ? ReadContext.SectionOpenedBy(context.Blocks[i - 1]) : null;
            reader.Visit(context.Blocks[i].Block, context.Blocks[i], read: false);
        }

        if (reader.First is { } at)
        {
            context.Diagnostics.Info(DiagnosticCodes.UnknownListShape, at,
                $"{reader.Count} paper link(s) in this file follow none of the known list shapes; each was read as an entry of a generic list (title, nickname, authors, venue and year from its item, row or paragraph)",
                "to state names, years and notes exactly, write them as a table, heading list or year table (see CONTRIBUTING.md)");
        }

        return reader.Count;
    }

    private sealed class Walker(ReadContext context)
    {
        public int Count { get; private set; }

        public SourceLocation? First { get; private set; }

        /// <summary>The heading right above the block being read, until its first entry is read.</summary>
        public Section? HeadingAbove { get; set; }

        /// <param name="read">
        /// Whether a shape reader has read the block (or one around it) whole: then its text is not read again for
        /// plain-text ids, only its links that no reader claimed are.
        /// </param>
        public void Visit(Block block, PlacedBlock placed, bool read)
        {
            read |= context.IsClaimed(block);
            switch (block)
            {
                case ListBlock list when IsFieldList(list):
                    ReadFieldList(list, placed, read);
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        ReadItem(item, placed, read);
                    }

                    break;
                case Table table:
                    ReadTable(table, placed, read);
                    break;
                case LeafBlock { Inline: not null } leaf:
                    var entry = new EntryText(context.LocationOf(leaf));
                    MarkdownEntryText.Append(context, entry, leaf, plainText: !read);
                    Add(entry, placed, null);
                    break;
                case HtmlBlock html:
                    foreach (var htmlEntry in HtmlEntryText.EntriesOf(context, html))
                    {
                        Add(htmlEntry, placed, null);
                    }

                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Visit(child, placed, read);
                    }

                    break;
            }
        }

        /// <summary>
        /// A list whose every item is a labelled field (<c>- 论文：…</c>, <c>- 地址：https://…</c>, <c>- 简介：…</c>) is one
        /// entry, an item per line: it describes one paper, as a heading list does.
        /// </summary>
        private static bool IsFieldList(ListBlock list)
        {
            var items = list.OfType<ListItemBlock>().ToList();
            return items.Count >= 2 && items.Count <= 12
                   && items.All(i => i.Count == 1 && i[0] is ParagraphBlock paragraph && FieldLabel.Split(MarkdownText.Plain(paragraph)) is not null);
        }

        private void ReadFieldList(ListBlock list, PlacedBlock placed, bool read)
        {
            var entry = new EntryText(context.LocationOf(list));
            foreach (var paragraph in list.OfType<ListItemBlock>().Select(i => (ParagraphBlock)i[0]))
            {
                MarkdownEntryText.Append(context, entry, paragraph, plainText: !read);
                entry.AddLineBreak();
            }

            Add(entry, placed, null);
        }

        /// <summary>A list item is one entry: its paragraphs, one line each; nested lists and other blocks are entries of their own.</summary>
        private void ReadItem(ListItemBlock item, PlacedBlock placed, bool read)
        {
            read |= context.IsClaimed(item);
            var nested = new List<Block>();
            var entry = new EntryText(context.LocationOf(item));
            foreach (var child in item)
            {
                if (child is ParagraphBlock or HeadingBlock && child is LeafBlock leaf)
                {
                    MarkdownEntryText.Append(context, entry, leaf, plainText: !read);
                    entry.AddLineBreak();
                }
                else
                {
                    nested.Add(child);
                }
            }

            Add(entry, placed, null);
            foreach (var block in nested)
            {
                Visit(block, placed, read);
            }
        }

        /// <summary>
        /// A table in no known shape: each row is an entry, its columns given roles by the header. The row is read as
        /// GitHub shows it: cells beyond the header's are not shown, so not read. (A table a shape reader read has
        /// had its rows checked, and only its links that reader left are read here.)
        /// </summary>
        private void ReadTable(Table table, PlacedBlock placed, bool read)
        {
            if (!read)
            {
                Tables.CheckCellCounts(context, table, paperColumn: -1);
            }

            var roles = ColumnRoles.Of(Tables.HeaderTexts(table));
            var width = table.Count == 0 ? 0 : Tables.WrittenCells((TableRow)table[0]);
            foreach (var row in Tables.BodyRows(table))
            {
                var entry = new EntryText(context.LocationOf(row));
                for (var c = 0; c < Math.Min(row.Count, width); c++)
                {
                    entry.StartCell(c);
                    foreach (var leaf in ((TableCell)row[c]).OfType<LeafBlock>())
                    {
                        MarkdownEntryText.Append(context, entry, leaf, plainText: !read);
                    }
                }

                if (Add(entry, placed, roles) == 0 && !read && entry.Links.Any(l => !string.IsNullOrEmpty(l.Url)))
                {
                    var name = entry.Pieces.Where(p => p.Kind == PieceKind.Text).GroupBy(p => p.Cell)
                        .Select(cell => TitleText.Clean(string.Concat(cell.Select(p => p.Text)))).FirstOrDefault(t => t.Any(char.IsLetter)) ?? "";
                    EntryWithoutPaper.Report(context, context.LocationOf(row), name,
                        "if it is a paper, link its arXiv page (https://arxiv.org/abs/ID) or DOI; a blog post or model card needs nothing");
                }
            }
        }

        private int Add(EntryText entry, PlacedBlock placed, IReadOnlyList<ColumnRole>? roles)
        {
            var readings = entry.Links.Any(l => l.Target.IsPaper) ? EntryModel.Read(entry, roles) : [];
            foreach (var reading in readings)
            {
                AddMention(reading, placed);
            }

            return readings.Count;
        }

        private void AddMention(EntryReading reading, PlacedBlock placed)
        {
            var link = reading.Link;
            if (link.Node is { } node)
            {
                context.Claim(node);
            }

            var id = link.Target.ArxivId ?? link.Target.Doi ?? "link";
            First ??= link.Location;
            Count++;
            var (title, name, sections, own) = (reading.Title, reading.Name, placed.Sections, (Section?)null);
            if (title is null && name is null && HeadingAbove is { } heading && !placed.Sections.IsEmpty && placed.Sections[^1] == heading && TitleText.IsTitle(heading.Title))
            {
                // An entry that names no paper, first under a heading: the heading is the paper's, not a section.
                (title, name) = TitleText.IsLong(heading.Title) ? (heading.Title, (string?)null) : (null, heading.Title);
                (sections, own) = (placed.Sections[..^1], heading);
            }

            HeadingAbove = null;
            context.Mentions.Add(new PaperMention
            {
                ListId = context.ListId,
                SourceFile = context.Document.RelativePath,
                Location = link.Location,
                Kind = MentionKind.Generic,
                Sections = sections,
                OwnHeading = own,
                ArxivId = link.Target.ArxivId,
                Doi = link.Target.Doi,
                Title = title,
                Name = name,
                Year = reading.Year,
                Month = reading.Month,
                YearLocation = reading.Year is null ? null : link.Location,
                Url = link.Url,
                Note = reading.Note,
                Authors = reading.Authors,
                Venue = reading.Venue,
                Links = reading.Code is { } code ? [new PaperLinkRef("code", code)] : [],
                // The list page marks a paper's place beside its link; a link inside raw HTML has no place it can mark.
                Anchor = link.Placeable ? context.NewAnchor(title ?? name ?? id) : "",
            });
        }
    }
}
