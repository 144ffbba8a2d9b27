using PaperAtlas.Read;

namespace PaperAtlas.Graph;

/// <summary>A curated list as published: its front-matter, its Markdown, its concept sections, and the sections of its own.</summary>
public sealed record SourceList(ListInfo Info, EquatableArray<Section> Sections, EquatableArray<TopicNote> TopicNotes)
{
    /// <summary>The list's headings that map to no topic and have papers under them, in the list's order.</summary>
    public EquatableArray<ListSection> OwnSections { get; init; } = [];

    public string Id => Info.Id;

    public string Title => Info.Title;
}
