using System.Collections.Immutable;
using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using PaperAtlas.Load;
using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>
/// Normalise: merges mentions into papers (by arXiv id, DOI or explicit id, then id-less mentions by title),
/// maps sections to topics, resolves derived works, relations and reading paths, and reports conflicts.
/// </summary>
public static class Normaliser
{
    public static PaperGraph Normalise(
        LoadedContent content, IReadOnlyList<ListReading> lists, IReadOnlyList<PaperMention> paperFiles, DiagnosticBag diagnostics,
        ParallelOptions? parallel = null)
    {
        lists = UniqueSlugs(content, lists, diagnostics);
        var topics = new TopicMatcher(content.Topics);
        var topicIds = content.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var mentions = paperFiles.Concat(lists.SelectMany(l => WithinMentionLimit(l, diagnostics))).ToList();

        var groups = GroupMentions(mentions, diagnostics);
        var sectionTopics = new SectionTopics(topics, diagnostics);
        // Each group becomes its paper on its own (diagnostics are sorted at the end, section topics are locked);
        // only the renaming of colliding ids runs in group order.
        var built = new Paper[groups.Count];
        Parallel.For(0, groups.Count, parallel ?? new ParallelOptions(), i => built[i] = BuildPaper(groups[i], sectionTopics, topicIds, diagnostics));
        var papers = Unique(built)
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        var ids = papers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var names = new NameIndex(papers);
        var edges = Relations.Build(papers, names, ids, diagnostics);
        var paths = ReadingPaths.Resolve(lists, content.Settings, names, ids, diagnostics);
        var ownSections = OwnSections.Of(papers, topics);
        var sourceLists = lists
            .Select(l => new SourceList(l.List, l.Sections, l.TopicNotes) { OwnSections = ownSections.GetValueOrDefault(l.List.Id, []) })
            .ToImmutableArray();
        return new PaperGraph(papers, content.Topics, sourceLists, edges, paths);
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
    /// The paper as <see cref="Normalise"/> would build it after its paper file changed only in what no other paper
    /// and no grouping reads: the notes, authors, venue and links (the caller checks that). Everything else of the
    /// paper — id, title, dates, topics, aliases, relations, diagnostics — stays as it was.
    /// </summary>
    internal static Paper WithPaperFile(Paper paper, PaperMention oldFile, PaperMention newFile)
    {
        var mentions = paper.Mentions.Replace(oldFile, newFile, ReferenceEqualityComparer.Instance);
        return paper with
        {
            Authors = AuthorsOf(mentions),
            Venue = VenueOf(mentions),
            Links = LinksOf(paper.ArxivId, paper.Doi, mentions),
            Mentions = mentions,
        };
    }

    /// <summary>
    /// A paper file whose title changed too: the paper's title, nicknames and title-conflict warnings (into
    /// <paramref name="diagnostics"/>) are chosen again from its mentions, the rest as <see cref="WithPaperFile"/>.
    /// The caller has checked that the title reaches no other paper (see <c>Incremental.TitleEdits</c>).
    /// </summary>
    internal static Paper WithRetitledPaperFile(Paper paper, PaperMention oldFile, PaperMention newFile, DiagnosticBag diagnostics)
    {
        var updated = WithPaperFile(paper, oldFile, newFile);
        var title = PaperTitle.Choose(updated.Mentions);
        PaperTitle.ReportConflicts(new PaperGroup(paper.ArxivId!, paper.ArxivId, paper.Doi), updated.Mentions, title, diagnostics);
        return updated with { Title = title, Aliases = AliasesOf(updated.Mentions, title) };
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

    /// <summary>
    /// The title by which <see cref="GroupMentions"/> places a mention that no arXiv id or key places: a DOI-only
    /// mention by its title (the published version of an arXiv paper of that title), a mention without any id by its
    /// title or else its name. Null for a mention its id places.
    /// </summary>
    internal static string? JoiningTitle(PaperMention mention) =>
        mention.ArxivId is not null ? null
        : mention.Doi is not null ? mention.Title
        : mention.KeyId is not null ? null
        : mention.Title ?? mention.Name;

    /// <summary>
    /// Groups mentions into papers. Id'd mentions first; then each id-less mention joins the id'd paper
    /// with the same normalised title, or else a paper keyed by its title (GPT-2, ChatGPT).
    /// </summary>
    private static List<PaperGroup> GroupMentions(List<PaperMention> mentions, DiagnosticBag diagnostics)
    {
        var groups = new Dictionary<string, PaperGroup>(StringComparer.Ordinal);
        var order = new List<PaperGroup>();
        PaperGroup GroupFor(string id, string? arxiv, string? doi)
        {
            if (!groups.TryGetValue(id, out var group))
            {
                group = new PaperGroup(id, arxiv, doi);
                groups[id] = group;
                order.Add(group);
            }

            return group;
        }

        var idless = new List<PaperMention>();
        foreach (var mention in mentions)
        {
            if (mention.ArxivId is { } arxiv)
            {
                GroupFor(arxiv, arxiv, null).Mentions.Add(mention);
            }
            else if (mention.Doi is { } doi)
            {
                GroupFor(doi.ToLowerInvariant(), null, doi).Mentions.Add(mention);
            }
            else if (mention.KeyId is { } key)
            {
                GroupFor(key, null, null).Mentions.Add(mention);
            }
            else
            {
                idless.Add(mention);
            }
        }

        var byTitle = new Dictionary<string, PaperGroup>(StringComparer.Ordinal);
        foreach (var group in order.OrderBy(g => g.ArxivId is null ? 1 : 0))
        {
            foreach (var title in group.Mentions.Select(m => m.Title).OfType<string>())
            {
                foreach (var key in TitleKey.Variants(title))
                {
                    byTitle.TryAdd(key, group);
                }
            }
        }

        // A DOI-only paper whose title is an arXiv paper's title is that paper's published version. Its other
        // titles now name the arXiv paper too, so that a later title-only mention joins a group that is emitted.
        var merged = new HashSet<PaperGroup>();
        foreach (var group in order.Where(g => g.ArxivId is null && g.Doi is not null).ToList())
        {
            var keys = group.Mentions.Select(m => m.Title).OfType<string>().SelectMany(TitleKey.Variants).ToList();
            var arxiv = keys.Select(k => byTitle.GetValueOrDefault(k)).FirstOrDefault(g => g is { ArxivId: not null });
            if (arxiv is not null)
            {
                arxiv.Mentions.AddRange(group.Mentions);
                arxiv.Doi ??= group.Doi;
                foreach (var key in keys.Where(k => byTitle.GetValueOrDefault(k) == group))
                {
                    byTitle[key] = arxiv;
                }

                merged.Add(group);
                groups.Remove(group.Id);
            }
        }

        order.RemoveAll(merged.Contains);

        foreach (var mention in idless)
        {
            var text = JoiningTitle(mention);
            if (text is null)
            {
                diagnostics.Warning(DiagnosticCodes.EntryWithoutPaper, mention.Location,
                    "this entry names no paper: it has neither an id nor a title", "give the entry a title or an arXiv link");
                continue;
            }

            var match = TitleKey.Variants(text).Select(k => byTitle.GetValueOrDefault(k)).FirstOrDefault(g => g is not null);
            if (match is not null)
            {
                match.Mentions.Add(mention);
                continue;
            }

            if (mention.Kind == MentionKind.WorksCited)
            {
                diagnostics.Info(DiagnosticCodes.UnmatchedReference, mention.Location,
                    $"works-cited entry {mention.CitationNumber} links a paper host but matches no paper by title",
                    "cite the paper's arXiv page in the entry, or ignore this if it is not a paper");
                continue;
            }

            var titleKey = "title:" + TitleKey.Of(text);
            var group = GroupFor(titleKey, null, null);
            group.Mentions.Add(mention);
            foreach (var key in TitleKey.Variants(text))
            {
                byTitle.TryAdd(key, group);
            }
        }

        return order;
    }

    private static Paper BuildPaper(PaperGroup group, SectionTopics sectionTopics, HashSet<string> topicIds, DiagnosticBag diagnostics)
    {
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
        PaperTitle.ReportConflicts(group, mentions, title, diagnostics);
        var (year, month) = PaperDates.Choose(group, mentions, diagnostics);
        var id = group.ArxivId ?? group.Doi ?? (group.Id.StartsWith("title:", StringComparison.Ordinal) ? Slug.FromText(title) : group.Id);
        var slug = group.ArxivId is { } a ? a.Replace('/', '-') : group.Doi is { } d ? "doi-" + Slug.FromText(d) : Slug.FromText(id);
        return new Paper(
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
    }

    private static ImmutableArray<string> TopicsOf(
        ImmutableArray<PaperMention> mentions, SectionTopics sectionTopics, HashSet<string> topicIds, DiagnosticBag diagnostics)
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
