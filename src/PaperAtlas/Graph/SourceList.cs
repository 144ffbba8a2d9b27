using PaperAtlas.Read;

namespace PaperAtlas.Graph;

/// <summary>A curated list as published: its front-matter, its Markdown, and its concept sections.</summary>
public sealed record SourceList(ListInfo Info, EquatableArray<Section> Sections, EquatableArray<TopicNote> TopicNotes)
{
    public string Id => Info.Id;

    public string Title => Info.Title;
}
