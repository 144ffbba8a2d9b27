using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Read;

/// <summary>
/// Heading lists: a heading per paper, then bullets <c>**Paper**:[title](url)</c>, <c>**year**:2023/05</c>,
/// <c>**summary/reason to read**: …</c>. The headings above give the topic path.
/// </summary>
internal static partial class HeadingListReader
{
    [GeneratedRegex(@"(?<year>(?:19|20|21)[0-9][0-9])(?:\s*[/\-.年]\s*(?<month>[0-9]{1,2}))?")]
    private static partial Regex YearMonth();

    private enum Field
    {
        None,
        Paper,
        Year,
        Summary,
        Other,
    }

    /// <summary>True when the list's items are <c>**Label**: value</c> fields with a paper field.</summary>
    public static bool Accepts(ListBlock list) =>
        list.OfType<ListItemBlock>().Any(item => FieldOf(item).Field == Field.Paper);

    public static void Read(ReadContext context, ListBlock list, PlacedBlock placed)
    {
        context.Claim(list);
        var ownHeading = placed.Sections.IsEmpty ? null : placed.Sections[^1];
        var sections = placed.Sections.IsEmpty ? placed.Sections : placed.Sections[..^1];
        PaperMention? current = null;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var (field, label, paragraph) = FieldOf(item);
            switch (field)
            {
                case Field.Paper:
                    Flush(context, current);
                    current = ReadPaper(context, paragraph!, label!, ownHeading, sections);
                    break;
                case Field.Year when current is not null:
                    var match = YearMonth().Match(ValueText(paragraph!));
                    if (match.Success)
                    {
                        current = current with
                        {
                            Year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture),
                            Month = match.Groups["month"].Success && int.TryParse(match.Groups["month"].Value, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : null,
                            YearLocation = context.LocationOf(paragraph!),
                        };
                    }

                    break;
                case Field.Summary when current is not null:
                    foreach (var link in MarkdownText.Links(paragraph!.Inline))
                    {
                        context.Claim(link);
                    }

                    current = current with { Note = MarkdownText.NormaliseTex(ValueSource(context, paragraph!, label!)) };
                    break;
            }
        }

        Flush(context, current);
    }

    private static void Flush(ReadContext context, PaperMention? mention)
    {
        if (mention is not null)
        {
            context.Mentions.Add(mention);
        }
    }

    private static PaperMention? ReadPaper(
        ReadContext context, ParagraphBlock paragraph, EmphasisInline label, Section? ownHeading, System.Collections.Immutable.ImmutableArray<Section> sections)
    {
        var link = MarkdownText.Links(paragraph.Inline).FirstOrDefault();
        if (link is null)
        {
            context.Diagnostics.Warning(DiagnosticCodes.EntryWithoutPaper, context.LocationOf(paragraph),
                "this **Paper** field has no link, so no paper is read from it",
                "write the paper as a link: `**Paper**:[Title](https://arxiv.org/abs/ID)`");
            return null;
        }

        context.Claim(link);
        var target = context.Target(link);
        var text = link is LinkInline l ? MarkdownText.Plain(l) : "";
        var isUrl = text.Length == 0 || Uri.IsWellFormedUriString(text, UriKind.Absolute);
        return new PaperMention
        {
            ListId = context.ListId,
            SourceFile = context.Document.RelativePath,
            Location = context.LocationOf(link),
            Kind = MentionKind.Entry,
            Sections = sections,
            OwnHeading = ownHeading,
            ArxivId = target.ArxivId,
            Doi = target.Doi,
            Title = isUrl ? null : text,
            Name = ownHeading is null || isUrl ? ownHeading?.Title : Nickname(ownHeading.Title, text),
            Url = MarkdownText.UrlOf(link),
            Anchor = context.NewAnchor(ownHeading?.Title ?? text),
        };
    }

    /// <summary>
    /// A paper's heading is usually its nickname ("Lora", "Instruct GPT", "LongRAG"), but some headings name a
    /// category ("Attention Based", "LongLLM vs RAG"). A heading of several words names the paper only when
    /// some word of it is in the title and every lower-case word ("based", "vs") is too.
    /// </summary>
    internal static string? Nickname(string heading, string title)
    {
        var words = heading.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= 1)
        {
            return heading;
        }

        bool InTitle(string word) => title.Contains(word.Trim(',', ':', '(', ')'), StringComparison.OrdinalIgnoreCase);
        return words.Any(InTitle) && words.Where(w => char.IsLower(w[0])).All(InTitle) ? heading : null;
    }

    private static (Field Field, EmphasisInline? Label, ParagraphBlock? Paragraph) FieldOf(ListItemBlock item)
    {
        if (item.Count == 0 || item[0] is not ParagraphBlock { Inline.FirstChild: EmphasisInline { DelimiterCount: 2 } strong } paragraph)
        {
            return (Field.None, null, null);
        }

        var label = MarkdownText.Plain(strong).Trim().TrimEnd(':', '：').ToLowerInvariant();
        var field = label switch
        {
            "paper" or "论文" => Field.Paper,
            "year" or "年份" or "date" => Field.Year,
            _ when label.StartsWith("summary", StringComparison.Ordinal) || label.Contains("reason", StringComparison.Ordinal)
                || label is "简介" or "note" or "notes" or "笔记" => Field.Summary,
            _ => Field.Other,
        };
        return (field, strong, paragraph);
    }

    private static string ValueText(ParagraphBlock paragraph) =>
        MarkdownText.Plain(paragraph).Split([':', '：'], 2) is { Length: 2 } parts ? parts[1] : "";

    private static string ValueSource(ReadContext context, ParagraphBlock paragraph, EmphasisInline label)
    {
        var value = MarkdownText.Source(context.Document, label.Span.End + 1, paragraph.Span.End + 1);
        return value.TrimStart(':', '：', ' ', '\t').Trim();
    }
}
