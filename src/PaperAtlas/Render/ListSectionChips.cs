using System.Collections.Immutable;
using PaperAtlas.Graph;

namespace PaperAtlas.Render;

/// <summary>
/// A list's own sections as chips, like topics: the list page names them with their paper counts, and each paper's row
/// there carries the innermost ones it stands in, so the page's filter narrows the table to a section as to a topic.
/// </summary>
internal sealed class ListSectionChips
{
    private readonly Dictionary<string, List<TopicChip>> _byPaper = new(StringComparer.Ordinal);

    public ListSectionChips(SourceList list, ListPageBody body)
    {
        var chips = new List<(ListSection Section, TopicChip Chip)>();
        foreach (var section in list.OwnSections)
        {
            if (!body.SectionIds.TryGetValue((section.Section.Location.Line, section.Section.Location.Column), out var id))
            {
                continue;
            }

            var name = string.Join(" › ", section.Path);
            chips.Add((section, new TopicChip("section:" + id, name, name, "#" + id, section.PaperIds.Length)));
        }

        Sections = [.. chips.Select(c => c.Chip)];
        var holding = new Dictionary<string, List<(ListSection Section, TopicChip Chip)>>(StringComparer.Ordinal);
        foreach (var chip in chips)
        {
            foreach (var paper in chip.Section.PaperIds)
            {
                if (!holding.TryGetValue(paper, out var sections))
                {
                    sections = [];
                    holding[paper] = sections;
                }

                sections.Add(chip);
            }
        }

        foreach (var (paper, sections) in holding)
        {
            _byPaper[paper] = [.. sections.Where(c => !sections.Any(d => Encloses(c.Section, d.Section))).Select(c => c.Chip)];
        }
    }

    private static bool Encloses(ListSection outer, ListSection inner) =>
        inner.Path.Length > outer.Path.Length && inner.Path.Take(outer.Path.Length).SequenceEqual(outer.Path, StringComparer.Ordinal);

    /// <summary>The sections in the list's order; empty when every heading of the list maps to a topic.</summary>
    public ImmutableArray<TopicChip> Sections { get; }

    /// <summary>The paper's row with its innermost sections of this list after its topics.</summary>
    public PaperRow Row(PaperRow row) => _byPaper.TryGetValue(row.Id, out var chips) ? row with { Topics = [.. row.Topics, .. chips] } : row;
}
