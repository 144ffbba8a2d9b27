using PaperAtlas.Diagnostics;
using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>
/// Groups mentions into papers, in four phases: by id (arXiv id, DOI, a paper file's own id); the id'd papers indexed by
/// their titles; DOI-only papers merged into the arXiv paper of the same title (their published version); and the
/// mentions without an id placed by title, into an id'd paper or a paper keyed by the title (GPT-2, ChatGPT).
/// </summary>
internal sealed class MentionGrouping
{
    private readonly Dictionary<string, PaperGroup> _groups = new(StringComparer.Ordinal);
    private readonly List<PaperGroup> _order = [];
    private readonly Dictionary<string, PaperGroup> _byTitle = new(StringComparer.Ordinal);
    private readonly Func<string, IReadOnlyList<string>> _variants;

    private MentionGrouping(Func<string, IReadOnlyList<string>> variants) => _variants = variants;

    /// <param name="variants">A title's keys (<see cref="TitleKey.Variants"/>), as the caller computes or remembers them.</param>
    public static List<PaperGroup> Group(IEnumerable<PaperMention> mentions, DiagnosticBag diagnostics, Func<string, IReadOnlyList<string>> variants)
    {
        var grouping = new MentionGrouping(variants);
        var idless = grouping.GroupById(mentions);
        grouping.IndexTitles();
        grouping.MergePublishedVersions();
        grouping.PlaceByTitle(idless, diagnostics);
        return grouping._order;
    }

    /// <summary>
    /// The title by which a mention that no arXiv id or key places is placed: a DOI-only mention by its title (the
    /// published version of an arXiv paper of that title), a mention without any id by its title or else its name.
    /// Null for a mention its id places.
    /// </summary>
    public static string? JoiningTitle(PaperMention mention) =>
        mention.ArxivId is not null ? null
        : mention.Doi is not null ? mention.Title
        : mention.KeyId is not null ? null
        : mention.Title ?? mention.Name;

    /// <summary>Phase 1: every mention with an id joins its id's group; returns the mentions without one.</summary>
    private List<PaperMention> GroupById(IEnumerable<PaperMention> mentions)
    {
        var idless = new List<PaperMention>();
        foreach (var mention in mentions)
        {
            var group = mention switch
            {
                { ArxivId: { } arxiv } => GroupFor(arxiv, arxiv, null),
                { Doi: { } doi } => GroupFor(doi.ToLowerInvariant(), null, doi),
                { KeyId: { } key } => GroupFor(key, null, null),
                _ => null,
            };
            if (group is null)
            {
                idless.Add(mention);
            }
            else
            {
                group.Mentions.Add(mention);
            }
        }

        return idless;
    }

    /// <summary>Phase 2: each id'd group's titles name it, arXiv papers first (so a title both use names the arXiv paper).</summary>
    private void IndexTitles()
    {
        foreach (var group in _order.OrderBy(g => g.ArxivId is null ? 1 : 0))
        {
            foreach (var mention in group.Mentions)
            {
                if (mention.Title is { } title)
                {
                    foreach (var key in _variants(title))
                    {
                        _byTitle.TryAdd(key, group);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Phase 3: a DOI-only paper whose title is an arXiv paper's title is that paper's published version. Its other
    /// titles now name the arXiv paper too, so that a later title-only mention joins a group that is emitted.
    /// </summary>
    private void MergePublishedVersions()
    {
        var merged = new HashSet<PaperGroup>();
        foreach (var group in _order.Where(g => g.ArxivId is null && g.Doi is not null).ToList())
        {
            var keys = group.Mentions.Select(m => m.Title).OfType<string>().SelectMany(_variants).ToList();
            var arxiv = keys.Select(k => _byTitle.GetValueOrDefault(k)).FirstOrDefault(g => g is { ArxivId: not null });
            if (arxiv is null)
            {
                continue;
            }

            arxiv.Mentions.AddRange(group.Mentions);
            arxiv.Doi ??= group.Doi;
            foreach (var key in keys.Where(k => _byTitle.GetValueOrDefault(k) == group))
            {
                _byTitle[key] = arxiv;
            }

            merged.Add(group);
            _groups.Remove(group.Id);
        }

        _order.RemoveAll(merged.Contains);
    }

    /// <summary>
    /// Phase 4: a mention without an id joins the paper its title names, or else a paper keyed by its title; a
    /// works-cited entry that matches no paper is left out (with an info), an entry with no title at all is reported.
    /// </summary>
    private void PlaceByTitle(List<PaperMention> idless, DiagnosticBag diagnostics)
    {
        foreach (var mention in idless)
        {
            var text = JoiningTitle(mention);
            if (text is null)
            {
                diagnostics.Warning(DiagnosticCodes.EntryWithoutPaper, mention.Location,
                    "this entry names no paper: it has neither an id nor a title", "give the entry a title or an arXiv link");
                continue;
            }

            var keys = _variants(text);
            var match = keys.Select(k => _byTitle.GetValueOrDefault(k)).FirstOrDefault(g => g is not null);
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

            var group = GroupFor("title:" + TitleKey.Of(text), null, null);
            group.Mentions.Add(mention);
            foreach (var key in keys)
            {
                _byTitle.TryAdd(key, group);
            }
        }
    }

    private PaperGroup GroupFor(string id, string? arxiv, string? doi)
    {
        if (!_groups.TryGetValue(id, out var group))
        {
            group = new PaperGroup(id, arxiv, doi);
            _groups[id] = group;
            _order.Add(group);
        }

        return group;
    }
}
