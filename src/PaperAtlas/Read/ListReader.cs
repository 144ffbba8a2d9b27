using System.Collections.Immutable;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using PaperAtlas.Diagnostics;
using PaperAtlas.Load;

namespace PaperAtlas.Read;

/// <summary>
/// Read: turns one list file into mentions. Shape readers look at blocks, not at the whole file, so a list
/// that mixes shapes still reads; the generic reader then picks up any paper link nobody claimed.
/// </summary>
public static class ListReader
{
    public static ListReading Read(SourceDocument document, DiagnosticBag diagnostics)
    {
        var frontMatter = document.FrontMatter;
        var listId = Slug.IsSafe(document.Stem) ? document.Stem : Slug.FromText(document.Stem);
        var hint = ParseFormat(frontMatter.GetString("format", diagnostics), frontMatter, diagnostics);
        var context = new ReadContext(document, listId, diagnostics);
        if (string.IsNullOrWhiteSpace(document.Text))
        {
            diagnostics.Warning(DiagnosticCodes.EmptyFile, SourceLocation.StartOf(document.Path),
                "the list file is empty", "add the list's entries, or delete the file");
        }

        UnsafeLinks.Check(document, diagnostics);

        var worksCited = ReportReader.FindWorksCited(context);
        var shape = hint;
        if (hint is ListShape.Report || (hint is null && worksCited >= 0))
        {
            if (worksCited >= 0)
            {
                ReportReader.Read(context, worksCited);
            }

            shape = ListShape.Report;
        }
        else
        {
            var found = ReadBlocks(context);
            shape ??= found;
        }

        DerivedWorkReader.Read(context);
        ReadingPathReader.Read(context);
        EntryReader.Read(context);

        var info = new ListInfo(
            listId,
            frontMatter.GetString("title", diagnostics) ?? FirstHeading(context) ?? document.Stem,
            frontMatter.GetString("description", diagnostics) ?? "",
            frontMatter.GetString("lang", diagnostics) ?? GuessLanguage(document.Text),
            SourceUrl(frontMatter, diagnostics),
            shape ?? ListShape.Unknown,
            document.RelativePath,
            document.Text,
            DraftFlag.Read(frontMatter, diagnostics));
        var sections = context.Blocks.Select(ReadContext.SectionOpenedBy).OfType<Section>().ToImmutableArray();
        return new ListReading(info, [.. context.Mentions], [.. context.ReadingPaths], [.. context.TopicNotes], sections);
    }

    /// <summary>Runs the table, year-table and heading-list readers over the blocks; returns the dominant shape.</summary>
    private static ListShape? ReadBlocks(ReadContext context)
    {
        var counts = new Dictionary<ListShape, int>();
        foreach (var placed in context.Blocks)
        {
            var before = context.Mentions.Count;
            ListShape? shape = null;
            switch (placed.Block)
            {
                case Table table when YearTableReader.Accepts(Tables.HeaderTexts(table)):
                    YearTableReader.Read(context, table, placed);
                    shape = ListShape.YearTable;
                    break;
                case Table table when TableListReader.Accepts(table):
                    TableListReader.Read(context, table, placed);
                    shape = ListShape.Table;
                    break;
                case ListBlock list when HeadingListReader.Accepts(list):
                    HeadingListReader.Read(context, list, placed);
                    shape = ListShape.Headings;
                    break;
            }

            if (shape is { } s)
            {
                counts[s] = counts.GetValueOrDefault(s) + context.Mentions.Count - before;
            }
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).First().Key;
    }

    /// <summary>The list's `source` (a URL or a path it was copied from), left out when it is a script or data URL.</summary>
    private static string? SourceUrl(FrontMatter frontMatter, DiagnosticBag diagnostics)
    {
        var source = frontMatter.GetString("source", diagnostics);
        if (UnsafeLinks.SchemeOf(source) is not { } scheme)
        {
            return source;
        }

        diagnostics.Warning(DiagnosticCodes.UnsafeLink, frontMatter.LocationOf("source"),
            $"`source` is a `{scheme}` URL; it is left out", "write the URL the list was copied from, e.g. https://github.com/…");
        return null;
    }

    private static ListShape? ParseFormat(string? format, FrontMatter frontMatter, DiagnosticBag diagnostics)
    {
        switch (format?.ToLowerInvariant())
        {
            case null or "" or "auto":
                return null;
            case "table":
                return ListShape.Table;
            case "headings" or "heading":
                return ListShape.Headings;
            case "year-table" or "years":
                return ListShape.YearTable;
            case "report":
                return ListShape.Report;
            default:
                diagnostics.Error(DiagnosticCodes.FrontMatterField, frontMatter.LocationOf("format"),
                    $"`format: {format}` is not a list shape",
                    "use one of: table, headings, year-table, report (or leave it out to detect the shape)");
                return null;
        }
    }

    private static string? FirstHeading(ReadContext context) =>
        ReadContext.DocumentTitle(context.Document) is { } title ? MarkdownText.Plain(title) : null;

    /// <summary>A list written mostly in CJK characters is Chinese; anything else is taken as English.</summary>
    private static string GuessLanguage(string text)
    {
        var cjk = text.Count(c => c is >= '\u4e00' and <= '\u9fff');
        var letters = text.Count(char.IsAsciiLetter);
        return cjk * 3 > letters ? "zh" : "en";
    }
}
