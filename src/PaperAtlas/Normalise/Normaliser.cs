using System.Collections.Immutable;
using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using PaperAtlas.Incremental;
using PaperAtlas.Load;
using PaperAtlas.Metadata;
using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>
/// Normalise: merges mentions into papers (by arXiv id, DOI or explicit id, then id-less mentions by title),
/// maps sections to topics, resolves derived works, relations and reading paths, and reports conflicts.
/// </summary>
public static class Normaliser
{
    /// <param name="cache">What the builds before made (the preview server keeps it): each paper is made again only when its mentions changed.</param>
    public static PaperGraph Normalise(
        LoadedContent content, IReadOnlyList<ListReading> lists, IReadOnlyList<PaperMention> paperFiles, DiagnosticBag diagnostics,
        ParallelOptions? parallel = null, BuildCache? cache = null, PaperMetadataSet? stored = null)
    {
        cache?.StartNormalise(content.Topics);
        lists = UniqueSlugs(content, lists, diagnostics);
        var topics = new TopicMatcher(content.Topics);
        var topicIds = content.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var mentions = paperFiles.Concat(lists.SelectMany(l => WithinMentionLimit(l, diagnostics)));
        var groups = MentionGrouping.Group(mentions, diagnostics, cache is null ? t => [.. TitleKey.Variants(t)] : cache.TitleVariants);
        var sectionTopics = new SectionTopics(topics, cache);
        sectionTopics.ReportUnmapped(groups.SelectMany(g => g.Mentions), diagnostics);

        // Each group becomes its paper on its own (diagnostics are sorted at the end); only the renaming of colliding
        // ids runs in group order.
        var built = new Paper[groups.Count];
        Parallel.For(0, groups.Count, parallel ?? new ParallelOptions(), i =>
        {
            var (paper, found) = cache is null ? BuildPaper(groups[i], sectionTopics, topicIds) : cache.Paper(groups[i], g => BuildPaper(g, sectionTopics, topicIds));
            built[i] = paper;
            diagnostics.AddRange(found);
        });
        // The stored records are folded in after the cache: a record can change while the paper's mentions do not.
        var papers = StoredMetadata.Apply(
            Unique(built).OrderBy(p => p.Id, StringComparer.Ordinal).ToImmutableArray(), stored ?? PaperMetadataSet.Empty, diagnostics, cache);
        var ids = papers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var names = new NameIndex(papers, cache);
        ImmutableArray<Edge> edges = [.. Relations.Build(papers, names, ids, diagnostics), .. StoredMetadata.Cites(papers)];
        var paths = ReadingPaths.Resolve(lists, content.Settings, names, ids, diagnostics);
        var ownSections = OwnSections.Of(papers, sectionTopics);
        var sourceLists = lists
            .Select(l => new SourceList(l.List, l.Sections, l.TopicNotes) { OwnSections = ownSections.GetValueOrDefault(l.List.Id, []) })
            .ToImmutableArray();
        return new PaperGraph(papers, content.Topics, sourceLists, edges, paths, NotesOnTopics(lists, topics));
    }

    /// <summary>Each topic's notes: the lists' concept sections whose heading, or a heading above it, names the topic.</summary>
    private static Dictionary<string, EquatableArray<TopicNote>> NotesOnTopics(IReadOnlyList<ListReading> lists, TopicMatcher topics)
    {
        var notes = new Dictionary<string, List<TopicNote>>(StringComparer.Ordinal);
        foreach (var note in lists.SelectMany(l => l.TopicNotes))
        {
            foreach (var topic in note.Sections.Append(note.Section).SelectMany(s => topics.MatchAll(s.Title)).Distinct(StringComparer.Ordinal))
            {
                if (!notes.TryGetValue(topic, out var onTopic))
                {
                    notes[topic] = onTopic = [];
                }

                onTopic.Add(note);
            }
        }

        return notes.ToDictionary(n => n.Key, n => n.Value.ToEquatableArray(), StringComparer.Ordinal);
    }

    /// <summary>How often one list may mention one paper; no list needs more, and each mention costs on the paper's page.</summary>
    public const int MaxMentionsOfOnePaperPerList = 100;

    /// <summary>
    /// A list's mentions, less those of a paper it mentions over <see cref="MaxMentionsOfOnePaperPerList"/> times (one
    /// id in 40,000 rows made a paper page of 40,000 entries): the first ones past the limit are reported.
    /// </summary>
    private static IEnumerable<PaperMention> WithinMentionLimit(ListReading list, DiagnosticBag diagnostics)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mention in list.Mentions)
        {
            if ((mention.ArxivId ?? mention.Doi ?? mention.KeyId) is not { } id)
            {
                yield return mention;
                continue;
            }

            var count = counts[id] = counts.GetValueOrDefault(id) + 1;
            if (count == MaxMentionsOfOnePaperPerList + 1)
            {
                diagnostics.Error(DiagnosticCodes.TooManyMentions, mention.Location,
                    $"this list mentions '{id}' over {MaxMentionsOfOnePaperPerList} times; the rest of its mentions are not read",
                    "mention each paper once or a few times; a list is not a log");
            }

            if (count <= MaxMentionsOfOnePaperPerList)
            {
                yield return mention;
            }
        }
    }

    /// <summary>
    /// A list's page is /lists/&lt;slug&gt;/, its slug the file's name: two files with one name in different folders
    /// (lists/llmfreshman.md, lists/sub/llmfreshman.md) would be one page. The second, in path order, is reported and left out.
    /// </summary>
    private static IReadOnlyList<ListReading> UniqueSlugs(LoadedContent content, IReadOnlyList<ListReading> lists, DiagnosticBag diagnostics)
    {
        var first = new Dictionary<string, ListReading>(StringComparer.Ordinal);
        var unique = new List<ListReading>(lists.Count);
        foreach (var list in lists)
        {
            if (first.TryGetValue(list.List.Id, out var owner))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateListSlug, SourceLocation.StartOf(content.Shown(list.List.File)),
                    $"this list's page would be /lists/{list.List.Id}/, which is {content.Shown(owner.List.File)}'s page already, so the list is not read",
                    "rename one of the two files");
                continue;
            }

            first[list.List.Id] = list;
            unique.Add(list);
        }

        return unique.Count == lists.Count ? lists : unique;
    }

    /// <summary>
    /// Ids and slugs made from titles can collide ("ChatGPT" and "Chat-GPT!"); the later paper, in mention order,
    /// gets "-2", "-3", … so every paper keeps its own page.
    /// </summary>
    private static IEnumerable<Paper> Unique(IEnumerable<Paper> papers)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paper in papers)
        {
            var (id, slug) = (paper.Id, paper.Slug);
            for (var n = 2; ids.Contains(id) || slugs.Contains(slug); n++)
            {
                (id, slug) = ($"{paper.Id}-{n}", $"{paper.Slug}-{n}");
            }

            ids.Add(id);
            slugs.Add(slug);
            yield return id == paper.Id ? paper : paper with { Id = id, Slug = slug };
        }
    }

    /// <summary>A group's paper, and what is wrong with its mentions (title conflicts, dates, unknown topics, a second file).</summary>
    private static (Paper Paper, IReadOnlyList<Diagnostic> Diagnostics) BuildPaper(PaperGroup group, SectionTopics sectionTopics, HashSet<string> topicIds)
    {
        var diagnostics = new DiagnosticBag();
        var mentions = group.Mentions
            .OrderBy(m => m.Kind == MentionKind.PaperFile ? 0 : 1)
            .ThenBy(m => m.File, StringComparer.Ordinal)
            .ThenBy(m => m.Location.Line)
            .ThenBy(m => m.Location.Column)
            .ToImmutableArray();
        var files = mentions.Where(m => m.Kind == MentionKind.PaperFile).ToList();
        foreach (var duplicate in files.Skip(1))
        {
            diagnostics.Error(DiagnosticCodes.DuplicatePaperFile, duplicate.IdLocation ?? duplicate.Location,
                $"paper {group.Id} already has a paper file: {files[0].File}",
                "merge the two files into one; a paper has exactly one file");
        }

        mentions = mentions.Where(m => m.Kind != MentionKind.PaperFile || ReferenceEquals(m, files.FirstOrDefault())).ToImmutableArray();
        var title = PaperTitle.Choose(mentions);
        var (year, month) = PaperDates.Choose(group, mentions, diagnostics);
        var id = group.ArxivId ?? group.Doi ?? (group.Id.StartsWith("title:", StringComparison.Ordinal) ? Slug.FromText(title) : group.Id);
        var slug = group.ArxivId is { } a ? a.Replace('/', '-') : group.Doi is { } d ? "doi-" + Slug.FromText(d) : Slug.FromText(id);
        var paper = new Paper(
            id,
            slug,
            group.ArxivId,
            group.Doi,
            title,
            year,
            month,
            AuthorsOf(mentions),
            VenueOf(mentions),
            TopicsOf(mentions, sectionTopics, topicIds, diagnostics),
            AliasesOf(mentions, title),
            LinksOf(group.ArxivId, group.Doi, mentions),
            mentions);
        return (paper, diagnostics.ToSortedList());
    }

    private static ImmutableArray<string> TopicsOf(
        IReadOnlyList<PaperMention> mentions, SectionTopics sectionTopics, HashSet<string> topicIds, DiagnosticBag diagnostics)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            foreach (var (topic, location) in mention.TopicIds)
            {
                if (topicIds.Contains(topic))
                {
                    result.Add(topic);
                }
                else
                {
                    diagnostics.Error(DiagnosticCodes.UnknownTopic, location,
                        $"topic '{topic}' is not in topics.yml",
                        "use a topic id from content/topics.yml, or add the topic there");
                }
            }

            result.UnionWith(sectionTopics.Of(mention));
        }

        return [.. result];
    }

    /// <summary>The paper file's authors; a paper without a file (or a file without authors) has those the first list entry names.</summary>
    private static ImmutableArray<string> AuthorsOf(ImmutableArray<PaperMention> mentions) =>
        mentions.Select(m => m.Authors).FirstOrDefault(a => !a.IsEmpty, []);

    /// <summary>The paper file's venue, else the first a list entry names (<c>NeurIPS 2023</c>).</summary>
    private static string? VenueOf(ImmutableArray<PaperMention> mentions) =>
        mentions.Select(m => m.Venue).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static ImmutableArray<string> AliasesOf(ImmutableArray<PaperMention> mentions, string title)
    {
        var titles = mentions.Select(m => m.Title).OfType<string>().Select(TitleKey.Of).ToHashSet(StringComparer.Ordinal);

        // A mention whose title names another paper (a wrong link) lends this paper no nickname.
        var agreeing = mentions.Where(m => m.Title is null || TitleKey.Similar(m.Title, title));
        var candidates = agreeing
            .SelectMany(m => m.Aliases.Append(m.Name ?? ""))
            .Select(a => a.Trim())
            .Where(a => a.Length is > 0 and <= 60 && a.Any(char.IsAsciiLetterOrDigit) && !titles.Contains(TitleKey.Of(a))
                        && !string.Equals(a, title, StringComparison.OrdinalIgnoreCase))
            .ToList();

        // One alias per spelling-insensitive name, in order of first appearance, spelled as most mentions spell it.
        return [.. candidates
            .GroupBy(a => a, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.GroupBy(a => a, StringComparer.Ordinal).OrderByDescending(s => s.Count()).ThenByDescending(s => s.Key.Any(char.IsUpper)).First().Key)];
    }

    private static ImmutableArray<PaperLinkRef> LinksOf(string? arxivId, string? doi, ImmutableArray<PaperMention> mentions)
    {
        var links = new List<PaperLinkRef>();
        if (arxivId is { } arxiv)
        {
            links.Add(new PaperLinkRef("arXiv", $"https://arxiv.org/abs/{arxiv}"));
            links.Add(new PaperLinkRef("PDF", $"https://arxiv.org/pdf/{arxiv}"));
        }

        if (doi is not null)
        {
            links.Add(new PaperLinkRef("DOI", $"https://doi.org/{doi}"));
        }

        links.AddRange(mentions.SelectMany(m => m.Links));
        foreach (var url in mentions.Where(m => m.Kind != MentionKind.WorksCited).Select(m => m.Url).OfType<string>())
        {
            var target = LinkTarget.Of(url);
            if (target.ArxivId is null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                links.Add(new PaperLinkRef(uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : uri.Host, url));
            }
        }

        return [.. links.DistinctBy(l => l.Url.TrimEnd('/'), StringComparer.Ordinal)];
    }
}
