namespace PaperAtlas.Render;

// What templates see. Plain records with URLs already built (base path included) and notes already
// rendered to safe HTML, so templates only lay things out. Scriban exposes members in snake_case.

public sealed record LinkView(string Label, string Url);

public sealed record TopicChip(string Id, string Name, string NameZh, string Url, int Count);

public sealed record PaperRow(
    string Id, string Url, string Title, int? Year, string Date, EquatableArray<TopicChip> Topics, string Aliases, string? Nickname, int Lists);

public sealed record MentionView(
    string ListTitle, string ListUrl, string EntryUrl, string Kind, string Section, string? Heading,
    string? StatedTitle, int? StatedYear, Html Note, string Lang, string File, int Line, EquatableArray<CitedEntry> WorksCited)
{
    public string ListTitleLang => LanguageOfParts.Of(ListTitle, Lang);
}

/// <summary>A works-cited entry of a report that names the paper: its number and its place on the list page.</summary>
public sealed record CitedEntry(int Number, string Url);

public sealed record RelatedGroup(string Kind, EquatableArray<PaperRow> Papers);

public sealed record PaperView(
    PaperRow Row,
    string? ArxivId,
    string? Doi,
    EquatableArray<string> Authors,
    string? Venue,
    EquatableArray<string> Aliases,
    EquatableArray<LinkView> Links,
    EquatableArray<MentionView> Mentions,
    Html ContributorNotes,
    string Bibtex,
    EquatableArray<RelatedGroup> Related,
    Html Neighbourhood,
    EquatableArray<LegendKind> NeighbourhoodKinds,
    EquatableArray<PathPlace> Paths)
{
    /// <summary>The head's machine-readable metadata: meta description, citation_* tags, OpenGraph, JSON-LD (<see cref="Pages.PaperHead"/>).</summary>
    public Html Head { get; init; } = RawHtml.Empty;

    /// <summary>The abstract, as arXiv gives it (content/metadata/).</summary>
    public string? Abstract { get; init; }

    /// <summary>How often the paper is cited, as Semantic Scholar counts, written out ("11,000").</summary>
    public string? CitationCount { get; init; }
}

public sealed record TopicView(TopicChip Topic, string Description, EquatableArray<PaperRow> Papers, EquatableArray<TopicNoteView> Notes);

public sealed record TopicNoteView(string ListTitle, string Url, string Section, Html Note, string Lang);

public sealed record YearView(int Year, EquatableArray<PaperRow> Papers, int? Previous, int? Next);

public sealed record YearCount(int Year, int Count, string Url);

public sealed record ListSummary(string Id, string Title, string Description, string Lang, string Url, string Shape, int Papers, string? Source)
{
    public string TitleLang => LanguageOfParts.Of(Title, Lang);
}

/// <summary>A list page: its body; when the list has sections of its own (headings no topic covers), those as chips linking to their place, and its papers' table with each row chipped with its sections.</summary>
public sealed record ListView(ListSummary List, Html Body, EquatableArray<TopicChip> Sections, EquatableArray<PaperRow> Papers);

public sealed record StepView(string Label, EquatableArray<PaperRow> Papers);

public sealed record PathView(string Title, string Source, EquatableArray<StepView> Steps);

/// <summary>A reading path as seen from one paper: <c>Step</c> is the index of the step that holds it.</summary>
public sealed record PathPlace(PathView Path, int Step);

public sealed record HomeView(
    int PaperCount, int TopicCount, int ListCount, int MentionCount,
    EquatableArray<TopicChip> Topics, EquatableArray<PaperRow> Newest, EquatableArray<YearCount> Timeline,
    EquatableArray<ListSummary> Lists, EquatableArray<PathView> Paths);

/// <param name="Csp">The Content-Security-Policy every page carries (<see cref="ContentSecurityPolicy"/>: our own text, printed as it is).</param>
public sealed record SiteView(
    string Title, string Description, string Lang, string Base, string Css, string Js, string GraphJs,
    string Home, string Papers, string Topics, string Years, string Lists, string Search, string Graph, string Feed, string? Contribute,
    string? Origin, Html Csp);

/// <summary>A topic in the graph's legend: its colour, how many papers it colours, and those of them the picture draws.</summary>
public sealed record LegendTopic(TopicChip Topic, string Colour, int Count, EquatableArray<PaperRow> Drawn);

/// <summary>An edge kind in the graph's legend: the kind (the stylesheet draws its swatch by it), its label and how many lines.</summary>
public sealed record LegendKind(string Kind, string Label, int Count);

/// <summary>One relation, for the graph page's text version.</summary>
public sealed record RelationView(PaperRow From, string Kind, PaperRow To, string Source);

/// <summary>The /graph/ page: the laid-out SVG, its legends, filter choices and every relation as text.</summary>
public sealed record GraphView(
    Html Svg, int NodeCount, int EdgeCount,
    EquatableArray<LegendTopic> Legend, EquatableArray<LegendKind> Kinds, EquatableArray<TopicChip> Topics, EquatableArray<int> Years,
    EquatableArray<RelationView> Relations);

public sealed record PageView(string Title, string Kind, string Path, string Description);
