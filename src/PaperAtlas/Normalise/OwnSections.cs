using System.Collections.Immutable;
using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>
/// Headings that map to no topic become the list's own sections: a list that topics.yml knows nothing about keeps the
/// structure its author gave it. A heading that matches a topic's name or alias maps to the topic instead.
/// </summary>
internal static class OwnSections
{
    /// <summary>Each list's own sections, by list id, from where the papers' mentions stand; a section's papers in the list's order.</summary>
    public static Dictionary<string, EquatableArray<ListSection>> Of(IEnumerable<Paper> papers, TopicMatcher topics)
    {
        var sections = new Dictionary<string, Dictionary<SourceLocation, (Section Section, ImmutableArray<string> Path, List<(SourceLocation At, string Id)> Papers)>>(StringComparer.Ordinal);
        var mapped = new Dictionary<Section, bool>();
        foreach (var paper in papers)
        {
            foreach (var mention in paper.Mentions.Where(m => m.Kind is not (MentionKind.WorksCited or MentionKind.PaperFile)))
            {
                for (var i = 0; i < mention.Sections.Length; i++)
                {
                    var section = mention.Sections[i];
                    if (!mapped.TryGetValue(section, out var maps))
                    {
                        maps = topics.Match(section.Title) is not null;
                        mapped[section] = maps;
                    }

                    if (maps)
                    {
                        continue;
                    }

                    if (!sections.TryGetValue(mention.ListId, out var ofList))
                    {
                        ofList = [];
                        sections[mention.ListId] = ofList;
                    }

                    if (!ofList.TryGetValue(section.Location, out var entry))
                    {
                        entry = (section, [.. mention.Sections.Take(i + 1).Select(s => s.Title)], []);
                        ofList[section.Location] = entry;
                    }

                    entry.Papers.Add((mention.Location, paper.Id));
                }
            }
        }

        return sections.ToDictionary(
            l => l.Key,
            l => l.Value.Values
                .OrderBy(s => s.Section.Location.Line).ThenBy(s => s.Section.Location.Column)
                .Select(s => new ListSection(s.Section, s.Path, [.. s.Papers.OrderBy(p => p.At.Line).ThenBy(p => p.At.Column).Select(p => p.Id).Distinct(StringComparer.Ordinal)]))
                .ToEquatableArray(),
            StringComparer.Ordinal);
    }
}
