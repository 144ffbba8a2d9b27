using System.Collections.Concurrent;
using System.Collections.Immutable;
using PaperAtlas.Read;

namespace PaperAtlas.Graph;

/// <summary>
/// "See also" for a paper: papers that share its topics or sit next to it in a list's section. Only a fixed
/// window of candidates around the paper is scored — its nearest neighbours in each topic's id order (so
/// nearest in time) and in each section's entry order — so the work per paper does not grow with the atlas.
/// </summary>
public sealed class SeeAlso
{
    private const int TopicWindow = 12;
    private const int SectionWindow = 3;
    private const int SectionWeight = 2;
    private const int Limit = 6;

    private readonly PaperGraph _graph;

    /// <summary>Each list's sections, made when a paper of the list first asks: an edit while serving asks for few lists.</summary>
    private readonly ConcurrentDictionary<string, Lazy<ListSections>> _lists = new(StringComparer.Ordinal);

    public SeeAlso(PaperGraph graph) => _graph = graph;

    /// <summary>Up to six papers, best first, leaving out the paper itself and those in <paramref name="exclude"/>.</summary>
    public EquatableArray<string> For(Paper paper, IReadOnlySet<string> exclude)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        void Score(string id, int weight)
        {
            if (id != paper.Id && !exclude.Contains(id))
            {
                scores[id] = scores.GetValueOrDefault(id) + weight;
            }
        }

        foreach (var topic in paper.Topics)
        {
            var members = _graph.InTopic(topic);
            var at = IndexById(members, paper.Id);
            for (var k = Math.Max(0, at - TopicWindow); k < Math.Min(members.Length, at + TopicWindow + 1); k++)
            {
                Score(members[k].Id, 1);
            }
        }

        foreach (var (list, key) in paper.Mentions.Where(Colists).Select(m => (m.ListId, SectionKey(m))).Distinct())
        {
            var sections = SectionsOf(list);
            var members = sections.Members[key];
            var at = sections.Positions[(key, paper.Id)];
            for (var k = Math.Max(0, at - SectionWindow); k < Math.Min(members.Length, at + SectionWindow + 1); k++)
            {
                Score(members[k], SectionWeight);
            }
        }

        return [.. scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(Limit).Select(s => s.Key)];
    }

    /// <summary>A list's own entries say "read these together"; works-cited lists and stray links do not.</summary>
    private static bool Colists(PaperMention mention) =>
        mention.Kind is MentionKind.Entry or MentionKind.DerivedWork or MentionKind.SectionSubject && !mention.Sections.IsEmpty;

    private static string SectionKey(PaperMention mention) => string.Join('\n', mention.Sections.Select(s => s.Title));

    private ListSections SectionsOf(string listId) =>
        _lists.GetOrAdd(listId, static (id, graph) => new Lazy<ListSections>(() => ListSections.Of(graph, id)), _graph).Value;

    /// <summary>A list's sections' papers in the order the list gives them, and where each paper stands in each.</summary>
    private sealed record ListSections(Dictionary<string, ImmutableArray<string>> Members, Dictionary<(string Section, string Paper), int> Positions)
    {
        public static ListSections Of(PaperGraph graph, string listId)
        {
            var members = graph.InList(listId)
                .SelectMany(p => p.Mentions.Where(m => m.ListId == listId && Colists(m)).Select(m => (Section: SectionKey(m), m.Location.Line, p.Id)))
                .GroupBy(x => x.Section, StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => g.OrderBy(x => x.Line).ThenBy(x => x.Id, StringComparer.Ordinal).Select(x => x.Id).Distinct(StringComparer.Ordinal).ToImmutableArray(),
                    StringComparer.Ordinal);
            var positions = new Dictionary<(string Section, string Paper), int>();
            foreach (var (key, papers) in members)
            {
                for (var i = 0; i < papers.Length; i++)
                {
                    positions[(key, papers[i])] = i;
                }
            }

            return new ListSections(members, positions);
        }
    }

    private static int IndexById(ImmutableArray<Paper> papers, string id)
    {
        var (lo, hi) = (0, papers.Length - 1);
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var c = string.CompareOrdinal(papers[mid].Id, id);
            if (c == 0)
            {
                return mid;
            }

            (lo, hi) = c < 0 ? (mid + 1, hi) : (lo, mid - 1);
        }

        return lo;
    }
}
