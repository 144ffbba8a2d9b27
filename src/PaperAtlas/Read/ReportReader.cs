using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using PaperAtlas.Normalise;

namespace PaperAtlas.Read;

/// <summary>
/// Long-form reports: numbered sections that name a paper (<c>1.1 Transformer 架构： "Attention Is All You Need" (2017)</c>),
/// prose with bare citation numbers, and a numbered works-cited list that carries the URLs. A section's paper is
/// found from its heading's title and from the works-cited entries its citations point to; sections about a
/// concept stay topic notes. Every arXiv or DOI entry of the works-cited list is a mention of its own.
/// </summary>
public static partial class ReportReader
{
    [GeneratedRegex(@"^(?:引用的著作|参考文献|引用文献|works cited|references|bibliography|sources)$", RegexOptions.IgnoreCase)]
    private static partial Regex WorksCitedHeading();

    [GeneratedRegex(@"[(（][^()（）]*?(?<year>(?:19|20)[0-9][0-9])\s*[)）]\s*$")]
    private static partial Regex TrailingYear();

    [GeneratedRegex("[\"“](?<title>[^\"“”]{3,})[\"”]")]
    private static partial Regex Quoted();

    [GeneratedRegex("[\"“](?<title>[^\"“”]{3,})[\"”]\\s*(?<cite>[0-9]{1,3})\\b")]
    private static partial Regex QuotedWithCitation();

    public static bool IsWorksCitedHeading(string title) => WorksCitedHeading().IsMatch(title.Trim().TrimEnd(':', '：'));

    /// <summary>The index of the works-cited heading among the document's blocks, or -1.</summary>
    internal static int FindWorksCited(ReadContext context)
    {
        for (var i = 0; i < context.Blocks.Length; i++)
        {
            var placed = context.Blocks[i];
            if (ReadContext.SectionOpenedBy(placed) is { } section && IsWorksCitedHeading(section.Title))
            {
                return i;
            }
        }

        return -1;
    }

    internal static void Read(ReadContext context, int worksCitedIndex)
    {
        var entries = ReadWorksCited(context, worksCitedIndex);
        var max = entries.Count == 0 ? 0 : entries.Keys.Max();
        var headings = Enumerable.Range(0, worksCitedIndex).Where(i => ReadContext.SectionOpenedBy(context.Blocks[i]) is not null).ToList();
        var names = Citations.NumberedNames(headings.Select(i => ReadContext.SectionOpenedBy(context.Blocks[i])!.Title));
        for (var h = 0; h < headings.Count; h++)
        {
            var start = headings[h];
            var end = h + 1 < headings.Count ? headings[h + 1] : worksCitedIndex;
            ReadSection(context, start, end, entries, max, names);
        }
    }

    private static SortedDictionary<int, WorksCitedEntry> ReadWorksCited(ReadContext context, int headingIndex)
    {
        var entries = new SortedDictionary<int, WorksCitedEntry>();
        for (var i = headingIndex + 1; i < context.Blocks.Length && ReadContext.SectionOpenedBy(context.Blocks[i]) is null; i++)
        {
            if (context.Blocks[i].Block is not ListBlock list)
            {
                continue;
            }

            context.Claim(list);
            var next = int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var first) ? first : 1;
            foreach (var item in list.OfType<ListItemBlock>())
            {
                var number = item.Order > 0 ? item.Order : next;
                next = number + 1;
                var entry = WorksCitedEntry.Read(context, item, number);
                entries[number] = entry;
                AddEntryMention(context, entry);
            }
        }

        return entries;
    }

    private static void AddEntryMention(ReadContext context, WorksCitedEntry entry)
    {
        if (!entry.Target.IsPaper && !(entry.Target.OnPaperHost && entry.Title is not null))
        {
            return;
        }

        context.Mentions.Add(new PaperMention
        {
            ListId = context.ListId,
            SourceFile = context.Document.RelativePath,
            Location = entry.Location,
            Kind = MentionKind.WorksCited,
            ArxivId = entry.Target.ArxivId,
            Doi = entry.Target.Doi,
            Title = entry.Title,
            Url = entry.Url,
            CitationNumber = entry.Number,
            Anchor = $"cite-{entry.Number}",
        });
    }

    private static void ReadSection(
        ReadContext context, int start, int end, SortedDictionary<int, WorksCitedEntry> entries, int max, IReadOnlySet<string> names)
    {
        var placed = context.Blocks[start];
        var heading = placed.Sections[^1];
        var body = Enumerable.Range(start + 1, end - start - 1).Select(i => context.Blocks[i].Block).ToList();
        var note = body.Count == 0
            ? ""
            : MarkdownText.NormaliseTex(MarkdownText.Source(context.Document, body[0].Span.Start, body[^1].Span.End + 1).Trim());
        var bodyText = string.Join('\n', body.SelectMany(b => b.Descendants<LeafBlock>().Prepend(b as LeafBlock)).OfType<LeafBlock>().Select(MarkdownText.Plain));
        var citations = Citations.Find(bodyText, max, names).Select(c => c.Number).ToImmutableArray();
        var anchor = context.NewAnchor(SectionTitle.WithoutNumber(heading.Title));
        var yearMatch = TrailingYear().Match(heading.Title);
        if (!yearMatch.Success || heading.Level <= 1)
        {
            if (note.Length > 0 && heading.Level > 1)
            {
                context.TopicNotes.Add(new TopicNote(context.ListId, heading, placed.Sections[..^1], note, anchor));
            }

            return;
        }

        var headingText = SectionTitle.WithoutNumber(heading.Title)[..^(heading.Title.Length - yearMatch.Index)].Trim();
        var headingQuote = Quoted().Match(headingText) is { Success: true } q ? q.Groups["title"].Value.Trim() : null;
        var name = NameOf(headingText, headingQuote);
        var bodyQuote = QuotedWithCitation().Match(body.OfType<ParagraphBlock>().Select(MarkdownText.Plain).FirstOrDefault() ?? "");
        var subject = ResolveSubject(entries, citations, headingQuote ?? headingText, bodyQuote);
        var title = headingQuote ?? (bodyQuote.Success ? bodyQuote.Groups["title"].Value.Trim() : null) ?? subject?.Title;
        context.Mentions.Add(new PaperMention
        {
            ListId = context.ListId,
            SourceFile = context.Document.RelativePath,
            Location = heading.Location,
            Kind = MentionKind.SectionSubject,
            Sections = placed.Sections[..^1],
            OwnHeading = heading,
            ArxivId = subject?.Target.ArxivId,
            Doi = subject?.Target.Doi,
            Title = title,
            Name = name,
            Year = int.Parse(yearMatch.Groups["year"].Value, CultureInfo.InvariantCulture),
            YearLocation = heading.Location,
            Url = subject?.Url,
            Note = note,
            Citations = citations,
            Anchor = anchor,
        });
    }

    /// <summary>
    /// Picks the works-cited entry a paper section is about: one whose title matches the heading's title,
    /// else the entry cited right after the section's opening quoted title, else one matching that quote,
    /// else the arXiv entry the section cites most.
    /// </summary>
    private static WorksCitedEntry? ResolveSubject(
        SortedDictionary<int, WorksCitedEntry> entries, ImmutableArray<int> citations, string headingTitle, Match bodyQuote)
    {
        if (MatchTitle(entries, headingTitle) is { } byHeading)
        {
            return byHeading;
        }

        if (bodyQuote.Success)
        {
            if (int.TryParse(bodyQuote.Groups["cite"].Value, CultureInfo.InvariantCulture, out var cited)
                && entries.TryGetValue(cited, out var citedEntry) && citedEntry.Target.IsPaper)
            {
                return citedEntry;
            }

            if (MatchTitle(entries, bodyQuote.Groups["title"].Value) is { } byQuote)
            {
                return byQuote;
            }
        }

        return citations
            .Where(n => entries.TryGetValue(n, out var e) && e.Target.ArxivId is not null)
            .GroupBy(n => entries[n].Target.ArxivId)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => citations.IndexOf(g.First()))
            .Select(g => entries[g.First()])
            .FirstOrDefault();
    }

    private static WorksCitedEntry? MatchTitle(SortedDictionary<int, WorksCitedEntry> entries, string title)
    {
        var keys = TitleKey.Variants(title).ToHashSet(StringComparer.Ordinal);
        var longEnough = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3;
        var exact = entries.Values.FirstOrDefault(e => e.Target.IsPaper && e.Title is not null && TitleKey.Variants(e.Title).Any(keys.Contains));
        if (exact is not null || !longEnough)
        {
            return exact;
        }

        return entries.Values
            .Where(e => e.Target.IsPaper && e.Title is not null)
            .Select(e => (Entry: e, Score: TitleKey.Similarity(e.Title!, title)))
            .Where(x => x.Score >= 0.75)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Entry.Number)
            .Select(x => x.Entry)
            .FirstOrDefault();
    }

    /// <summary>The short name before the colon or quote: "LoRA", "Transformer 架构", "FLAN".</summary>
    private static string? NameOf(string headingText, string? quote)
    {
        var text = MarkdownText.Without(headingText, quote);
        var cut = text.IndexOfAny([':', '：', '"', '“']);
        var name = (cut >= 0 ? text[..cut] : text).Trim().Trim('"', '“', '”', ' ');
        if (quote is null && cut >= 0)
        {
            return name.Length == 0 ? null : name;
        }

        return name.Length == 0 || name.Length > 40 ? null : name;
    }
}
