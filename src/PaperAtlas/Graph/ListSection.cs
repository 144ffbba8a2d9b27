using PaperAtlas.Read;

namespace PaperAtlas.Graph;

/// <summary>
/// A section a list has of its own: a heading of the list that maps to no topic, with the papers under it (its
/// subsections' too), so a list whose headings topics.yml does not name still has structure.
/// </summary>
/// <param name="Path">The headings above it and itself, outermost first.</param>
public sealed record ListSection(Section Section, EquatableArray<string> Path, EquatableArray<string> PaperIds)
{
    public string Title => Section.Title;
}
