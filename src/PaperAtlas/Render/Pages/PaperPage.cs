using PaperAtlas.Graph;
using PaperAtlas.Read;
using PaperAtlas.Render.GraphLayout;

namespace PaperAtlas.Render.Pages;

/// <summary>A paper's page: what the lists say of it, its related papers and their picture, the reading paths it is on.</summary>
internal static class PaperPage
{
    public static Page For(SiteModels site, Paper paper)
    {
        var route = site.Routes.Paper(paper.Slug);
        var view = new PageView(paper.Title, "paper", route.Url, paper.Aliases.IsEmpty ? "" : string.Join(", ", paper.Aliases));
        return new Page(route, "paper", view, () => Model(site, paper));
    }

    public static PaperView Model(SiteModels site, Paper paper)
    {
        var graph = site.Graph;
        var seeAlso = graph.SeeAlsoOf(paper.Id);
        var related = graph.EdgesOf(paper.Id)
            .GroupBy(e => e.From == paper.Id ? e.Kind : "inverse:" + e.Kind, StringComparer.Ordinal)
            .Select(g => new RelatedGroup(site.RelationLabel(g.Key), [.. g.Select(e => e.From == paper.Id ? e.To : e.From).Distinct().Select(site.Row)]))
            .Concat(seeAlso.IsEmpty ? [] : [new RelatedGroup(site.Label("see_also", "See also"), [.. seeAlso.Select(site.Row)])])
            .ToEquatableArray();
        var picture = related.IsEmpty ? null : site.Pictures.Neighbourhood(paper, seeAlso);
        Html neighbourhood = picture is null
            ? RawHtml.Empty
            : new LazyHtml<(GraphPicture, string)>((picture, site.Label("neighbourhood", "Neighbourhood") + ": " + paper.Title), static p => GraphSvg.Write(p.Item1, "neighbourhood", p.Item2));
        return new PaperView(
            site.Row(paper.Id),
            paper.ArxivId,
            paper.Doi,
            paper.Authors,
            paper.Venue,
            paper.Aliases,
            [.. paper.Links.Select(l => new LinkView(l.Label, l.Url))],
            MentionsOf(site, paper),
            Notes.Of(paper.ContributorNotes, site.Settings.ExternalImages),
            Bibtex.Entry(paper),
            related,
            neighbourhood,
            picture is null ? [] : GraphPage.LegendKinds(site, picture.Edges),
            PathsThrough(site, paper));
    }

    /// <summary>The reading paths that pass through a paper, and at which step.</summary>
    private static EquatableArray<PathPlace> PathsThrough(SiteModels site, Paper paper) =>
    [
        .. site.Paths.SelectMany(path => path.Steps
            .Select((step, i) => (step, i))
            .Where(x => x.step.Papers.Any(r => r.Id == paper.Id))
            .Take(1)
            .Select(x => new PathPlace(path, x.i))),
    ];

    /// <summary>
    /// What the lists say about a paper, one card a mention. A works-cited entry has no text of its own: it folds into
    /// the mention of the same list whose text cites it (a report's section), else into that list's first other mention;
    /// a list that only cites the paper gets one card for all its entries.
    /// </summary>
    private static EquatableArray<MentionView> MentionsOf(SiteModels site, Paper paper)
    {
        var shown = paper.Mentions.Where(m => m.Kind != MentionKind.PaperFile).ToList();
        static bool Folds(PaperMention m) => m.Kind == MentionKind.WorksCited && m.CitationNumber is not null && string.IsNullOrWhiteSpace(m.Note);
        var cited = new Dictionary<PaperMention, List<int>>(ReferenceEqualityComparer.Instance);
        var cards = new List<PaperMention>();
        foreach (var mention in shown)
        {
            if (!Folds(mention))
            {
                cards.Add(mention);
                continue;
            }

            var number = mention.CitationNumber!.Value;
            var host = shown.FirstOrDefault(m => m.ListId == mention.ListId && !Folds(m) && m.Citations.Contains(number))
                ?? shown.FirstOrDefault(m => m.ListId == mention.ListId && !Folds(m))
                ?? shown.First(m => m.ListId == mention.ListId);
            if (ReferenceEquals(host, mention))
            {
                cards.Add(mention);
            }

            if (!cited.TryGetValue(host, out var numbers))
            {
                cited[host] = numbers = [];
            }

            numbers.Add(number);
        }

        return [.. cards.Select(m => MentionView(site, m, cited.GetValueOrDefault(m) ?? []))];
    }

    private static MentionView MentionView(SiteModels site, PaperMention mention, IEnumerable<int> worksCited)
    {
        var list = site.Graph.FindList(mention.ListId);
        var listUrl = site.Routes.List(mention.ListId).Url;
        var lang = list?.Info.Lang ?? "en";
        var citations = list is null ? [] : mention.Citations;
        return new MentionView(
            list?.Title ?? mention.ListId,
            listUrl,
            mention.Anchor.Length > 0 ? $"{listUrl}#{mention.Anchor}" : listUrl,
            site.KindLabel(mention.Kind),
            string.Join(" › ", mention.Sections.Select(s => s.Title)),
            mention.OwnHeading?.Title,
            mention.Title,
            mention.Year,
            Notes.Of(mention.Note, site.Settings.ExternalImages, lang, citations.IsEmpty ? null : new NoteCitations(citations, listUrl, site.NumberedNames(mention.ListId))),
            lang,
            mention.File,
            mention.Location.Line,
            [.. worksCited.Order().Select(n => new CitedEntry(n, $"{listUrl}#cite-{n}"))]);
    }
}
