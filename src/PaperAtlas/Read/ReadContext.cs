using System.Collections.Immutable;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperAtlas.Diagnostics;
using PaperAtlas.Load;

namespace PaperAtlas.Read;

/// <summary>A top-level block with the headings it sits under.</summary>
public sealed record PlacedBlock(Block Block, ImmutableArray<Section> Sections);

/// <summary>The state the list readers share while reading one document.</summary>
public sealed class ReadContext
{
    private readonly HashSet<Inline> _claimed = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Block> _claimedBlocks = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.Ordinal);

    public ReadContext(SourceDocument document, string listId, DiagnosticBag diagnostics)
    {
        Document = document;
        ListId = listId;
        Diagnostics = diagnostics;
        Blocks = PlaceBlocks(document);
    }

    public SourceDocument Document { get; }

    public string ListId { get; }

    public DiagnosticBag Diagnostics { get; }

    public ImmutableArray<PlacedBlock> Blocks { get; }

    public List<PaperMention> Mentions { get; } = [];

    public List<ReadingPathSource> ReadingPaths { get; } = [];

    public List<TopicNote> TopicNotes { get; } = [];

    /// <summary>The section a heading block opens; null for other blocks and for the document title.</summary>
    public static Section? SectionOpenedBy(PlacedBlock placed) =>
        placed.Block is HeadingBlock or HtmlBlock && !placed.Sections.IsEmpty && placed.Sections[^1].Location.Line == placed.Block.Line + 1
            ? placed.Sections[^1]
            : null;

    public SourceLocation LocationOf(MarkdownObject node) => MarkdownText.Location(Document, node);

    /// <summary>The location of a character offset in the file.</summary>
    public SourceLocation LocationAt(int offset)
    {
        var (line, column) = Document.PositionOf(offset);
        return new SourceLocation(Document.Path, line, column);
    }

    /// <summary>Marks a link as read by a shape reader so the generic reader does not read it again.</summary>
    public void Claim(Inline link) => _claimed.Add(link);

    public bool IsClaimed(Inline link) => _claimed.Contains(link);

    /// <summary>Marks a block (a table, a list, an item) as read by a shape reader: the generic reader leaves it alone.</summary>
    public void Claim(Block block) => _claimedBlocks.Add(block);

    public bool IsClaimed(Block block) => _claimedBlocks.Contains(block);

    /// <summary>Classifies a link and reports a malformed arXiv id at the link's position.</summary>
    public LinkTarget Target(Inline link)
    {
        var url = MarkdownText.UrlOf(link);
        var target = LinkTarget.Of(url);
        var text = link is LinkInline l ? MarkdownText.Plain(l) : "";
        if (target.ArxivId is null && target.MalformedArxivId is null && ArxivId.FindMalformedInText(text) is { } badText)
        {
            target = target with { MalformedArxivId = badText };
        }

        if (target.MalformedArxivId is { } bad)
        {
            Diagnostics.Error(DiagnosticCodes.MalformedArxivId, LocationOf(link),
                $"'{bad}' is not a well-formed arXiv id",
                "arXiv ids look like 2106.09685 (YYMM.NNNNN) or cs/0112017; check the link against arxiv.org");
        }

        return target;
    }

    /// <summary>A fragment id unique within this list page, derived from the entry's name.</summary>
    public string NewAnchor(string seed)
    {
        var baseName = "entry-" + Slug.FromText(seed);
        var anchor = baseName;

        // The search for a free suffix goes on where the last one for this name stopped (every smaller one is taken):
        // starting at 2 each time made 14,000 links to one paper a quadratic 16 s.
        var n = _nextSuffix.GetValueOrDefault(baseName, 2);
        while (!_anchors.Add(anchor))
        {
            anchor = $"{baseName}-{n++}";
        }

        _nextSuffix[baseName] = n;
        return anchor;
    }

    private static ImmutableArray<PlacedBlock> PlaceBlocks(SourceDocument document)
    {
        var placed = ImmutableArray.CreateBuilder<PlacedBlock>();
        var stack = new List<Section>();
        var title = DocumentTitle(document);
        foreach (var block in document.Markdown)
        {
            var opened = block switch
            {
                HeadingBlock heading when !ReferenceEquals(heading, title) => (heading.Level, Title: MarkdownText.Plain(heading)),
                HtmlBlock html when SectionTitle.OfHtmlHeading(MarkdownText.Source(document, html)) is { } htmlHeading => htmlHeading,
                _ => (Level: 0, Title: ""),
            };
            if (opened.Level > 0)
            {
                stack.RemoveAll(s => s.Level >= opened.Level);
                stack.Add(new Section(SectionTitle.Clean(opened.Title), opened.Level, MarkdownText.Location(document, block)));
                placed.Add(new PlacedBlock(block, [.. stack]));
                continue;
            }

            placed.Add(new PlacedBlock(block, [.. stack]));
        }

        return placed.ToImmutable();
    }

    /// <summary>A document whose only level-1 heading comes first uses it as its title, not as a section.</summary>
    public static HeadingBlock? DocumentTitle(SourceDocument document) => DocumentTitle(document.Markdown);

    public static HeadingBlock? DocumentTitle(MarkdownDocument markdown)
    {
        var level1 = markdown.OfType<HeadingBlock>().Where(h => h.Level == 1).Take(2).ToList();
        var first = markdown.OfType<HeadingBlock>().FirstOrDefault();
        return level1.Count == 1 && ReferenceEquals(level1[0], first) ? first : null;
    }
}
