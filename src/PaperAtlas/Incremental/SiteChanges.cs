using System.Collections.Immutable;
using PaperAtlas.Graph;
using PaperAtlas.Read;
using PaperAtlas.Render;

namespace PaperAtlas.Incremental;

/// <summary>
/// What an edit changed in the site, found by comparing the graph before and after: the papers that differ, and the
/// pages that show anything of theirs. <see cref="Everything"/> when the change reaches too far to follow (papers
/// added or removed, topics, relations, a list's title), and every page must be rendered again.
/// </summary>
internal sealed record SiteChanges(bool Everything, IReadOnlySet<string> ChangedPapers, IReadOnlySet<string> Pages, bool FeedAndSitemap)
{
    public static SiteChanges All { get; } = new(true, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, true);

    /// <summary>The pages to render: those named, or any page when everything changed.</summary>
    public bool Renders(string path) => Everything || Pages.Contains(path);

    public static SiteChanges Between(PaperGraph before, SiteRenderer beforeRenderer, PaperGraph after, SiteRenderer afterRenderer)
    {
        if (!SameShape(before, after))
        {
            return All;
        }

        var pages = new HashSet<string>(StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var rowChanged = new List<(Paper Before, Paper After)>();
        var everyTopic = false;
        for (var i = 0; i < after.Papers.Length; i++)
        {
            var (old, now) = (before.Papers[i], after.Papers[i]);
            if (ReferenceEquals(old, now) || DeepEquality.Equal(old, now, typeof(PaperMention)))
            {
                continue;
            }

            if (!old.Topics.SequenceEqual(now.Topics, StringComparer.Ordinal))
            {
                // Every row names its topics with their paper counts: a paper joining a topic changes rows all over the site.
                return All;
            }

            changed.Add(now.Id);
            pages.Add(PaperPage(now));
            if (old.Mentions.Length != now.Mentions.Length)
            {
                pages.Add("index.html");
            }

            if (!SameRow(old, now) || !SamePlaces(old, now))
            {
                rowChanged.Add((old, now));
            }
        }

        if (!DeepEquality.Equal(before.ReadingPaths, after.ReadingPaths))
        {
            pages.Add("index.html");
            pages.UnionWith(PathPages(before, after, ids: null));
        }

        for (var i = 0; i < after.Lists.Length; i++)
        {
            if (!ReferenceEquals(before.Lists[i], after.Lists[i]) && !DeepEquality.Equal(before.Lists[i], after.Lists[i]))
            {
                pages.Add($"lists/{after.Lists[i].Id}/index.html");
                everyTopic |= !DeepEquality.Equal(before.Lists[i].TopicNotes, after.Lists[i].TopicNotes);
            }
        }

        if (everyTopic)
        {
            pages.UnionWith(after.Topics.Select(t => $"topics/{t.Id}/index.html"));
        }

        if (rowChanged.Count > 0)
        {
            AddRowPages(rowChanged, before, beforeRenderer, after, afterRenderer, pages);
        }

        return new SiteChanges(false, changed, pages, rowChanged.Count > 0);
    }

    /// <summary>
    /// A paper's row — title, date, nicknames, lists — is shown on the overview pages, on its topics', year's and lists'
    /// pages, the graph, and the pages of papers that relate to it or list it under "see also".
    /// </summary>
    private static void AddRowPages(
        List<(Paper Before, Paper After)> rows, PaperGraph before, SiteRenderer beforeRenderer, PaperGraph after, SiteRenderer afterRenderer, HashSet<string> pages)
    {
        pages.UnionWith(["index.html", "papers/index.html", "graph/index.html"]);
        var ids = rows.Select(r => r.After.Id).ToHashSet(StringComparer.Ordinal);
        pages.UnionWith(PathPages(before, after, ids));
        foreach (var (old, now) in rows)
        {
            pages.UnionWith(now.Topics.Select(t => $"topics/{t}/index.html"));
            foreach (var year in new[] { old.Year, now.Year }.OfType<int>())
            {
                pages.Add($"years/{year}/index.html");
            }

            if (old.Year != now.Year)
            {
                pages.Add("years/index.html");
            }

            var oldLists = ListsOf(old);
            var newLists = ListsOf(now);
            pages.UnionWith(oldLists.Union(newLists).Where(l => l != PaperFileReader.ListId).Select(l => $"lists/{l}/index.html"));
            if (!oldLists.SequenceEqual(newLists))
            {
                pages.Add("lists/index.html");
            }

            foreach (var graph in new[] { before, after })
            {
                foreach (var edge in graph.EdgesOf(now.Id))
                {
                    pages.Add(PaperPage(after.Find(edge.From == now.Id ? edge.To : edge.From)!));
                }
            }
        }

        // "See also" is the renderer's to choose; ask it, before and after, which pages name a changed paper. It reads
        // topics, relations and places in lists: when none of those moved (the graphs have one shape, the topics of a
        // changed paper are the same or every page renders), the lists are the same before and after, and one asking does.
        var samePlaces = rows.All(r => SamePlaces(r.Before, r.After));
        var shown = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, after.Papers.Length, i =>
        {
            var @is = afterRenderer.SeeAlsoOf(after.Papers[i]);
            if (@is.Any(ids.Contains) || (!samePlaces && beforeRenderer.SeeAlsoOf(before.Papers[i]) is var was && (!was.SequenceEqual(@is) || was.Any(ids.Contains))))
            {
                shown.Add(PaperPage(after.Papers[i]));
            }
        });
        pages.UnionWith(shown);
    }

    /// <summary>
    /// The pages of the papers on the reading paths that pass through any of <paramref name="ids"/> (null: on every
    /// path): each of those pages shows its whole path.
    /// </summary>
    private static IEnumerable<string> PathPages(PaperGraph before, PaperGraph after, IReadOnlySet<string>? ids) =>
        before.ReadingPaths.Concat(after.ReadingPaths)
            .Where(path => ids is null || path.Steps.Any(s => s.PaperIds.Any(ids.Contains)))
            .SelectMany(path => path.Steps.SelectMany(s => s.PaperIds))
            .Select(after.Find)
            .OfType<Paper>()
            .Select(PaperPage);

    /// <summary>Whether the two graphs have the same papers, topics, years, lists (by their front-matter) and relations.</summary>
    private static bool SameShape(PaperGraph before, PaperGraph after) =>
        before.Papers.Length == after.Papers.Length
        && before.Papers.Zip(after.Papers).All(p => p.First.Id == p.Second.Id && p.First.Slug == p.Second.Slug)
        && before.Years.SequenceEqual(after.Years)
        && before.Edges.SequenceEqual(after.Edges)
        && DeepEquality.Equal(before.Topics, after.Topics)
        && before.Lists.Length == after.Lists.Length
        && before.Lists.Zip(after.Lists).All(l => ReferenceEquals(l.First.Info, l.Second.Info)
            || DeepEquality.Equal(l.First.Info, l.Second.Info, ignore: new HashSet<string>(StringComparer.Ordinal) { nameof(ListInfo.Body) }));

    /// <summary>Whether the paper stands in the same lists' sections at the same lines: "see also" reads its section neighbours.</summary>
    private static bool SamePlaces(Paper old, Paper now) =>
        old.Mentions.Select(Place).SequenceEqual(now.Mentions.Select(Place));

    private static (string List, MentionKind Kind, int Line, string Sections) Place(PaperMention mention) =>
        (mention.ListId, mention.Kind, mention.Location.Line, string.Join('\n', mention.Sections.Select(s => s.Title)));

    private static bool SameRow(Paper old, Paper now) =>
        old.Title == now.Title && old.Year == now.Year && old.Month == now.Month
        && old.Aliases.SequenceEqual(now.Aliases, StringComparer.Ordinal)
        && ListsOf(old).SequenceEqual(ListsOf(now), StringComparer.Ordinal);

    private static ImmutableArray<string> ListsOf(Paper paper) => [.. paper.Mentions.Select(m => m.ListId).Distinct()];

    private static string PaperPage(Paper paper) => $"papers/{paper.Slug}/index.html";
}
