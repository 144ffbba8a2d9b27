using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PaperAtlas.Metadata;
using PaperAtlas.Tests.Site;

namespace PaperAtlas.Tests.Metadata;

/// <summary>
/// Issue 17's acceptance against the fake services: `atlas fetch` on a copy of the live content, then `atlas build`.
/// The live content changes with every contribution, so these check what must hold for every paper, not which papers.
/// </summary>
public sealed partial class FetchedSiteTests(FetchedRealAtlas atlas) : IClassFixture<FetchedRealAtlas>
{
    private IEnumerable<FakeServices.FakePaper> FakesOfAtlas => atlas.ArxivIds.Select(id => atlas.Catalogue.ByArxivId(id)!);

    private static string PagePath(string arxivId) => $"papers/{arxivId.Replace('/', '-')}/index.html";

    [Fact]
    public void Fetch_stores_a_record_for_every_arxiv_paper()
    {
        var diagnostics = new Diagnostics.DiagnosticBag();
        var stored = MetadataStore.Load(atlas.Content, diagnostics);

        Assert.False(atlas.Report.Failed);
        Assert.NotEmpty(atlas.ArxivIds);
        Assert.All(atlas.ArxivIds, id => Assert.NotNull(stored.Find(id)?.Arxiv));
        Assert.True(atlas.Site.Result.Written, string.Join('\n', atlas.Site.Result.Analysis.Diagnostics));
    }

    [Fact]
    public void Every_arxiv_paper_page_shows_the_authors_its_content_names_else_those_arxiv_gives()
    {
        Assert.All(FakesOfAtlas, fake =>
        {
            var page = atlas.Site.Parse(PagePath(fake.ArxivId!));
            var authors = page.QuerySelectorAll("dl.facts dt").Single(dt => dt.TextContent == "Authors").NextElementSibling!;
            Assert.Equal(string.Join(", ", atlas.AuthorsOf(fake)), authors.TextContent);
        });
    }

    [Fact]
    public void Papers_bib_gives_every_arxiv_paper_an_author_field_of_names_joined_by_and()
    {
        var entries = atlas.Read("papers.bib").Split("\n@", StringSplitOptions.RemoveEmptyEntries);

        Assert.All(FakesOfAtlas, fake =>
        {
            var entry = Assert.Single(entries, e => e.Contains($"eprint = {{{fake.ArxivId}}}", StringComparison.Ordinal));
            Assert.Contains($"author = {{{string.Join(" and ", atlas.AuthorsOf(fake))}}}", entry, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_graph_draws_the_fakes_citations_among_atlas_papers_as_lighter_cites_lines_with_a_filter()
    {
        // Every paper the fetch found (by arXiv id, or by its title for those the lists link elsewhere) and its references among the atlas's.
        var inAtlas = atlas.ArxivIds.ToHashSet(StringComparer.Ordinal);
        var stored = MetadataStore.Load(atlas.Content, new Diagnostics.DiagnosticBag());
        var expected = stored.Records
            .SelectMany(r => r.Cites.Where(c => inAtlas.Contains(c) && c != r.Id).Select(c => $"{r.Id} → {c}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Contains(expected, e => e.StartsWith(FakesOfAtlas.First(f => f.References.Any(inAtlas.Contains)).ArxivId + " ", StringComparison.Ordinal));

        var graph = atlas.Site.Parse("graph/index.html");
        var lines = graph.QuerySelectorAll("svg#atlas-graph line.edge[data-kind='cites']").ToList();
        // A line names its ends by their places among the nodes; an arXiv paper's page is /papers/<its id>/.
        var nodes = graph.QuerySelectorAll("svg#atlas-graph a.node").Select(a => a.GetAttribute("href")!.Split('/')[2]).ToList();
        string End(AngleSharp.Dom.IElement line, string end) => nodes[int.Parse(line.GetAttribute(end)!, CultureInfo.InvariantCulture)];

        Assert.Equal(expected, lines.Select(l => $"{End(l, "data-from")} → {End(l, "data-to")}").Order(StringComparer.Ordinal));
        // Lines are styled by kind in the stylesheet: the citations' lines lighter than the lists' relations.
        Assert.Contains(".edge[data-kind=\"cites\"] { stroke-width: 1; stroke-opacity: 0.4;", atlas.Read("assets/site.css"), StringComparison.Ordinal);
        Assert.NotNull(graph.QuerySelector(".graph-controls input[type=checkbox][data-filter='cites']"));
    }

    [Fact]
    public void Paper_pages_list_what_they_cite_and_what_cites_them_in_the_atlas()
    {
        var cited = FakesOfAtlas.First(f => f.References.Any(r => atlas.ArxivIds.Contains(r) && r != f.ArxivId));
        var target = cited.References.First(r => atlas.ArxivIds.Contains(r) && r != cited.ArxivId);

        static IEnumerable<string> Group(AngleSharp.Html.Dom.IHtmlDocument page, string heading) =>
            page.QuerySelectorAll("h3").Single(h => h.TextContent == heading).NextElementSibling!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!);

        Assert.Contains($"/papers/{target.Replace('/', '-')}/", Group(atlas.Site.Parse(PagePath(cited.ArxivId!)), "Cites in this atlas"));
        Assert.Contains($"/papers/{cited.ArxivId!.Replace('/', '-')}/", Group(atlas.Site.Parse(PagePath(target)), "Cited by in this atlas"));
    }

    [Fact]
    public void Paper_pages_carry_citation_tags_json_ld_opengraph_and_a_description()
    {
        Assert.All(FakesOfAtlas, fake =>
        {
            var page = atlas.Site.Parse(PagePath(fake.ArxivId!));
            string? Meta(string selector) => page.QuerySelector($"meta[{selector}]")?.GetAttribute("content");
            var title = page.QuerySelector("h1")!.TextContent;

            Assert.Equal(title, Meta("name='citation_title'"));
            Assert.Equal(atlas.AuthorsOf(fake), page.QuerySelectorAll("meta[name='citation_author']").Select(m => m.GetAttribute("content")!));
            Assert.Equal(fake.ArxivId, Meta("name='citation_arxiv_id'"));
            Assert.Equal(title, Meta("property='og:title'"));
            Assert.False(string.IsNullOrWhiteSpace(Meta("name='description'")));
            var json = JsonDocument.Parse(Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']")).TextContent).RootElement;
            Assert.Equal(("ScholarlyArticle", title), (json.GetProperty("@type").GetString(), json.GetProperty("name").GetString()));
            Assert.Equal(atlas.AuthorsOf(fake), json.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("name").GetString()!));
        });
    }

    [Fact]
    public void The_abstract_is_folded_in_a_details_element_escaped()
    {
        var fake = FakesOfAtlas.First(f => f.Abstract.Contains('<', StringComparison.Ordinal));
        var html = atlas.Read(PagePath(fake.ArxivId!));
        var details = atlas.Site.Parse(PagePath(fake.ArxivId!)).QuerySelector("details.abstract")!;

        Assert.Equal(fake.Abstract, details.QuerySelector("p")!.TextContent);
        Assert.DoesNotContain("<this>", html, StringComparison.Ordinal);
        Assert.Contains("\\u003Cthis\\u003E", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_entries_carry_the_papers_authors()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = XDocument.Parse(atlas.Read("feed.xml")).Root!.Elements(atom + "entry").ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.NotEmpty(e.Elements(atom + "author")));
    }

    [Fact]
    public void Two_builds_of_the_fetched_atlas_are_byte_identical()
    {
        using var again = new BuiltSite(atlas.Content);

        static SortedDictionary<string, byte[]> Files(BuiltSite site) => new(
            Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).ToDictionary(site.Relative, File.ReadAllBytes),
            StringComparer.Ordinal);

        var (first, second) = (Files(atlas.Site), Files(again));
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, f => Assert.True(f.Value.AsSpan().SequenceEqual(second[f.Key]), f.Key));
    }

    [Fact]
    public void The_same_content_without_its_metadata_folder_builds_as_before_without_fetched_facts()
    {
        using var temp = new TempFolder();
        var content = temp.CopyFrom(atlas.Content, "content");
        Directory.Delete(Path.Combine(content, MetadataStore.Folder), recursive: true);

        using var site = new BuiltSite(content);

        Assert.True(site.Result.Written);
        var bib = File.ReadAllText(Path.Combine(site.Output, "papers.bib"));
        var entries = bib.Split("\n@", StringSplitOptions.RemoveEmptyEntries);
        var paperPages = atlas.Stated.Papers.Select(p => $"papers/{p.Slug}/index.html").ToHashSet(StringComparer.Ordinal);
        Assert.Equal(atlas.Stated.Papers.Count(p => !p.Authors.IsEmpty), AuthorField().Count(bib));
        Assert.DoesNotContain(site.HtmlFiles, f => !paperPages.Contains(site.Relative(f)) && AuthorTag().IsMatch(File.ReadAllText(f)));
        Assert.All(atlas.Stated.Papers, paper =>
        {
            // Only what the lists and paper files name: no paper has authors it had from arXiv.
            var tags = site.Parse($"papers/{paper.Slug}/index.html").QuerySelectorAll("meta[name='citation_author']").Select(m => m.GetAttribute("content")!);
            Assert.Equal(paper.Authors, tags);
            if (paper.ArxivId is { } arxiv)
            {
                var entry = Assert.Single(entries, e => e.Contains($"eprint = {{{arxiv}}}", StringComparison.Ordinal));
                Assert.Equal(paper.Authors.IsEmpty ? null : $"author = {{{string.Join(" and ", paper.Authors)}}}", AuthorField().Match(entry) is { Success: true } m ? m.Value : null);
            }
        });
    }

    [GeneratedRegex("author = \\{.*\\}")]
    private static partial Regex AuthorField();

    [GeneratedRegex("name=\"citation_author\"")]
    private static partial Regex AuthorTag();
}

/// <summary>Pins on the frozen seed lists, fetched and built.</summary>
public sealed class FetchedSeedSiteTests(FetchedSeedAtlas atlas) : IClassFixture<FetchedSeedAtlas>
{
    [Fact]
    public void Elmo_shows_the_title_the_fake_arxiv_gives_with_ELMo_as_an_alias()
    {
        var page = atlas.Site.Parse("papers/1802.05365/index.html");
        var aliases = page.QuerySelectorAll("dl.facts dt").Single(dt => dt.TextContent == "Also known as").NextElementSibling!;

        Assert.Equal("Deep contextualized word representations", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("ELMo", aliases.TextContent);
    }
}
