using PaperAtlas.Diagnostics;

namespace PaperAtlas.Read;

public enum MentionKind
{
    /// <summary>A row or entry of a list: the list's own recommendation.</summary>
    Entry,

    /// <summary>A "derived work" bullet under an entry (a variant or follow-up).</summary>
    DerivedWork,

    /// <summary>The paper a section of a long-form report is about.</summary>
    SectionSubject,

    /// <summary>An entry of a report's works-cited list.</summary>
    WorksCited,

    /// <summary>A paper link found outside every known list shape.</summary>
    Generic,

    /// <summary>A paper file's front-matter record.</summary>
    PaperFile,
}

/// <summary>A related-paper declaration from a paper file's front-matter.</summary>
public sealed record RelatedRef(string Id, string Kind, string Note, SourceLocation Location)
{
    /// <summary>The id it names: an arXiv id without its version, else the id as written.</summary>
    public string Target { get; } = ArxivId.TryParse(Id, out var arxiv) ? arxiv : Id;
}

/// <summary>A link of a paper: a label such as <c>abs</c>, <c>pdf</c>, <c>code</c>, and the URL.</summary>
public sealed record PaperLinkRef(string Label, string Url);

/// <summary>One place in the content that speaks of a paper, with everything it says.</summary>
public sealed record PaperMention
{
    public required string ListId { get; init; }

    /// <summary>The file inside the content folder, e.g. <c>lists/llmfreshman.md</c>: stable wherever content/ lives.</summary>
    public required string SourceFile { get; init; }

    public required SourceLocation Location { get; init; }

    public required MentionKind Kind { get; init; }

    /// <summary>The headings above the mention, outermost first (not the paper's own heading).</summary>
    public EquatableArray<Section> Sections { get; init; } = [];

    /// <summary>The heading that names this very paper, in heading lists and reports.</summary>
    public Section? OwnHeading { get; init; }

    public string? ArxivId { get; init; }

    public string? Doi { get; init; }

    /// <summary>An explicit non-arXiv id a paper file gives itself (e.g. <c>gpt-4</c>).</summary>
    public string? KeyId { get; init; }

    /// <summary>A full title, when the mention gives one.</summary>
    public string? Title { get; init; }

    /// <summary>A short name or nickname (a table's technique, a heading, a year table's 名字 such as "Llama 2").</summary>
    public string? Name { get; init; }

    public int? Year { get; init; }

    public int? Month { get; init; }

    /// <summary>Where the stated year is written, for diagnostics about it.</summary>
    public SourceLocation? YearLocation { get; init; }

    public string? Url { get; init; }

    /// <summary>What the list says about the paper, as Markdown.</summary>
    public string Note { get; init; } = "";

    /// <summary>Works-cited numbers the mention's text cites (reports).</summary>
    public EquatableArray<int> Citations { get; init; } = [];

    /// <summary>The number of a works-cited entry.</summary>
    public int? CitationNumber { get; init; }

    /// <summary>The name of the entry this derived work builds on, as the list writes it (e.g. "DPO").</summary>
    public string? DerivedFrom { get; init; }

    /// <summary>The fragment id of this entry on the rendered list page.</summary>
    public string Anchor { get; init; } = "";

    public EquatableArray<string> Authors { get; init; } = [];

    public string? Venue { get; init; }

    /// <summary>Topic ids a paper file declares.</summary>
    public EquatableArray<(string Id, SourceLocation Location)> TopicIds { get; init; } = [];

    public EquatableArray<string> Aliases { get; init; } = [];

    public EquatableArray<PaperLinkRef> Links { get; init; } = [];

    public EquatableArray<RelatedRef> Related { get; init; } = [];

    /// <summary>The file's own stated id (paper files), whatever form it has.</summary>
    public SourceLocation? IdLocation { get; init; }

    /// <summary>Where a paper file says `draft: true`; null when it is no draft (<see cref="DraftFlag"/>).</summary>
    public SourceLocation? Draft { get; init; }

    public string File => Location.File;
}
