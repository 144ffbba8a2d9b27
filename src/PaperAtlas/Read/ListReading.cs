using PaperAtlas.Diagnostics;

namespace PaperAtlas.Read;

/// <summary>An arrow reading path as written (<c>CLIP → LLaMA → RLHF/DPO</c>): each step one or more names.</summary>
public sealed record ReadingPathSource(
    string ListId, string Title, SourceLocation Location, EquatableArray<EquatableArray<string>> Steps);

/// <summary>A report section that is about a concept, not a paper: kept as a note on its topic.</summary>
public sealed record TopicNote(string ListId, Section Section, EquatableArray<Section> Sections, string Note, string Anchor);

/// <summary>A list's front-matter.</summary>
/// <param name="Draft">Where the list says `draft: true`; null when it is no draft (<see cref="DraftFlag"/>).</param>
public sealed record ListInfo(
    string Id, string Title, string Description, string Lang, string? Source, ListShape Shape, string File, string Body, SourceLocation? Draft = null);

/// <summary>What Read makes of one list file.</summary>
public sealed record ListReading(
    ListInfo List,
    EquatableArray<PaperMention> Mentions,
    EquatableArray<ReadingPathSource> ReadingPaths,
    EquatableArray<TopicNote> TopicNotes,
    EquatableArray<Section> Sections);
