using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PaperAtlas.Graph;

namespace PaperAtlas.Render.Pages;

/// <summary>What a paper page's head says about the paper, made from its words alone (so it compares by value).</summary>
/// <param name="Url">The page's whole address, when the site's origin is known (site.yml `url`); else null.</param>
internal sealed record PaperHeadInput(
    string Title, EquatableArray<string> Authors, string? Published, string? ArxivId, string? Doi, string? Venue, string? Abstract,
    string Description, EquatableArray<string> Keywords, string SiteName, string? Url);

/// <summary>
/// The machine-readable metadata of a paper page: a meta description, the Google Scholar <c>citation_*</c> tags (as
/// arXiv's own pages give them), OpenGraph, and a JSON-LD <c>ScholarlyArticle</c>. Every value may come from a pull
/// request (a list, a metadata record): attributes are HTML-encoded, and the JSON escapes <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c>, so no text can close the script element; the element is data (<c>application/ld+json</c>), which the
/// Content-Security-Policy does not run.
/// </summary>
internal static class PaperHead
{
    /// <summary>The longest meta description (search engines show about this much).</summary>
    public const int DescriptionLength = 200;

    private static readonly JsonSerializerOptions Json = new()
    {
        // The default encoder escapes every HTML-sensitive character (<, >, &, ', ") whatever the ranges allowed.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Html Of(SiteModels site, Paper paper)
    {
        var origin = site.Settings.SiteUrl?.TrimEnd('/');
        var record = paper.Metadata;
        var input = new PaperHeadInput(
            paper.Title,
            paper.Authors,
            record?.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? (paper.Year is null ? null : Feeds.DateOf(paper)[..(paper.Month is null ? 4 : 7)]),
            paper.ArxivId,
            paper.Doi ?? record?.Doi,
            paper.Venue,
            record?.Abstract,
            PaperSummary.Of(paper, DescriptionLength) is { Length: > 0 } summary ? summary : string.Join(", ", paper.Aliases),
            [.. paper.Topics.Select(t => site.Graph.FindTopic(t)?.Name ?? t)],
            site.Settings.ShownTitle,
            origin is null ? null : origin + site.Routes.Paper(paper.Slug).Url);
        return new LazyHtml<PaperHeadInput>(input, Write);
    }

    private static string Write(PaperHeadInput paper)
    {
        var head = new StringBuilder();
        if (paper.Description.Length > 0)
        {
            Meta(head, "name", "description", paper.Description);
        }

        Meta(head, "name", "citation_title", paper.Title);
        foreach (var author in paper.Authors)
        {
            Meta(head, "name", "citation_author", author);
        }

        if (paper.Published is { } published)
        {
            Meta(head, "name", "citation_publication_date", published.Replace('-', '/'));
        }

        if (paper.Venue is { } venue)
        {
            Meta(head, "name", "citation_journal_title", venue);
        }

        if (paper.ArxivId is { } arxiv)
        {
            Meta(head, "name", "citation_arxiv_id", arxiv);
            Meta(head, "name", "citation_pdf_url", $"https://arxiv.org/pdf/{arxiv}");
        }

        if (paper.Doi is { } doi)
        {
            Meta(head, "name", "citation_doi", doi);
        }

        if (paper.Abstract is { } summary)
        {
            Meta(head, "name", "citation_abstract", summary);
        }

        Meta(head, "property", "og:type", "article");
        Meta(head, "property", "og:title", paper.Title);
        Meta(head, "property", "og:site_name", paper.SiteName);
        if (paper.Description.Length > 0)
        {
            Meta(head, "property", "og:description", paper.Description);
        }

        if (paper.Url is { } url)
        {
            Meta(head, "property", "og:url", url);
        }

        head.Append("<script type=\"application/ld+json\">").Append(JsonLd(paper)).Append("</script>\n");
        return head.ToString();
    }

    private static void Meta(StringBuilder head, string attribute, string name, string content) =>
        head.Append("<meta ").Append(attribute).Append("=\"").Append(name).Append("\" content=\"").Append(WebUtility.HtmlEncode(content)).Append("\">\n");

    /// <summary>schema.org's ScholarlyArticle, with only what is known (no nulls).</summary>
    internal static string JsonLd(PaperHeadInput paper)
    {
        var article = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ScholarlyArticle",
            ["name"] = paper.Title,
            ["headline"] = PaperSummary.Cut(paper.Title, 110),
        };
        if (!paper.Authors.IsEmpty)
        {
            article["author"] = paper.Authors.Select(a => new Dictionary<string, string>(StringComparer.Ordinal) { ["@type"] = "Person", ["name"] = a }).ToList();
        }

        if (paper.Published is { } published)
        {
            article["datePublished"] = published;
        }

        if (paper.Abstract is { } summary)
        {
            article["abstract"] = summary;
        }

        if (paper.Description.Length > 0)
        {
            article["description"] = paper.Description;
        }

        if (!paper.Keywords.IsEmpty)
        {
            article["keywords"] = paper.Keywords.ToList();
        }

        var sameAs = new List<string>();
        if (paper.ArxivId is { } arxiv)
        {
            sameAs.Add($"https://arxiv.org/abs/{arxiv}");
        }

        if (paper.Doi is { } doi)
        {
            article["identifier"] = $"doi:{doi}";
            sameAs.Add($"https://doi.org/{doi}");
        }

        if (sameAs.Count > 0)
        {
            article["sameAs"] = sameAs;
        }

        if (paper.Url is { } url)
        {
            article["url"] = url;
        }

        return JsonSerializer.Serialize(article, Json);
    }
}
