using System.Globalization;
using System.Text;
using System.Xml;

namespace PaperAtlas.FakeServices;

/// <summary>
/// arXiv's Atom answer to <c>/api/query?id_list=…</c>, as the real service writes it: a feed header with OpenSearch
/// counts, one entry per known paper with its versioned id, titles and abstracts wrapped at about 80 columns, and the
/// <c>arxiv:</c> extensions each declaring their namespace. Its error report is an entry under <c>/api/errors</c>.
/// </summary>
public static class ArxivFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";
    private const string ArxivNs = "http://arxiv.org/schemas/atom";
    private const string OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    public static string Of(IReadOnlyList<FakePaper> papers, string idList, int maxResults)
    {
        var shown = papers.Take(maxResults).ToList();
        return Feed(idList, maxResults, papers.Count, writer =>
        {
            foreach (var paper in shown)
            {
                Entry(writer, paper);
            }
        });
    }

    /// <summary>The 400 answer to an id that is not an arXiv id.</summary>
    public static string Error(string badId) => Feed(badId, 10, 1, writer =>
    {
        writer.WriteStartElement("entry", Atom);
        writer.WriteElementString("id", Atom, $"http://arxiv.org/api/errors#incorrect_id_format_for_{badId}");
        writer.WriteElementString("title", Atom, "Error");
        writer.WriteElementString("summary", Atom, $"incorrect id format for {badId}");
        writer.WriteElementString("updated", Atom, "2026-01-01T00:00:00-05:00");
        writer.WriteStartElement("link", Atom);
        writer.WriteAttributeString("href", "http://arxiv.org/api/errors#incorrect_id_format_for_" + badId);
        writer.WriteAttributeString("rel", "alternate");
        writer.WriteAttributeString("type", "text/html");
        writer.WriteEndElement();
        writer.WriteStartElement("author", Atom);
        writer.WriteElementString("name", Atom, "arXiv api core");
        writer.WriteEndElement();
        writer.WriteEndElement();
    });

    private static string Feed(string idList, int maxResults, int total, Action<XmlWriter> entries)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("feed", Atom);
            var query = $"search_query=&id_list={idList}&start=0&max_results={maxResults}";
            writer.WriteStartElement("link", Atom);
            writer.WriteAttributeString("href", "http://arxiv.org/api/query?" + Uri.EscapeDataString(query));
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("type", "application/atom+xml");
            writer.WriteEndElement();
            writer.WriteStartElement("title", Atom);
            writer.WriteAttributeString("type", "html");
            writer.WriteString("ArXiv Query: " + query);
            writer.WriteEndElement();
            writer.WriteElementString("id", Atom, "http://arxiv.org/api/" + Convert.ToBase64String(Encoding.UTF8.GetBytes(idList))[..Math.Min(27, idList.Length)]);
            writer.WriteElementString("updated", Atom, "2026-01-01T00:00:00-05:00");
            writer.WriteElementString("opensearch", "totalResults", OpenSearch, total.ToString(CultureInfo.InvariantCulture));
            writer.WriteElementString("opensearch", "startIndex", OpenSearch, "0");
            writer.WriteElementString("opensearch", "itemsPerPage", OpenSearch, maxResults.ToString(CultureInfo.InvariantCulture));
            entries(writer);
            writer.WriteEndElement();
        }

        // XmlWriter over a StringBuilder declares utf-16; arXiv sends UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\"", StringComparison.Ordinal);
    }

    private static void Entry(XmlWriter writer, FakePaper paper)
    {
        var versioned = $"{paper.ArxivId}v{paper.Version}";
        writer.WriteStartElement("entry", Atom);
        writer.WriteElementString("id", Atom, $"http://arxiv.org/abs/{versioned}");
        writer.WriteElementString("updated", Atom, paper.Published.AddDays(30 * (paper.Version - 1)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        writer.WriteElementString("published", Atom, paper.Published.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        writer.WriteElementString("title", Atom, Wrap(paper.Title, "\n  "));
        writer.WriteElementString("summary", Atom, "  " + Wrap(paper.Abstract, "\n") + "\n");
        foreach (var author in paper.Authors)
        {
            writer.WriteStartElement("author", Atom);
            writer.WriteElementString("name", Atom, author);
            writer.WriteEndElement();
        }

        if (paper.Doi is { } doi)
        {
            writer.WriteElementString("arxiv", "doi", ArxivNs, doi);
            writer.WriteStartElement("link", Atom);
            writer.WriteAttributeString("title", "doi");
            writer.WriteAttributeString("href", "http://dx.doi.org/" + doi);
            writer.WriteAttributeString("rel", "related");
            writer.WriteEndElement();
        }

        writer.WriteElementString("arxiv", "comment", ArxivNs, "15 pages, 5 figures");
        if (paper.JournalRef is { } journal)
        {
            writer.WriteElementString("arxiv", "journal_ref", ArxivNs, journal);
        }

        writer.WriteStartElement("link", Atom);
        writer.WriteAttributeString("href", $"http://arxiv.org/abs/{versioned}");
        writer.WriteAttributeString("rel", "alternate");
        writer.WriteAttributeString("type", "text/html");
        writer.WriteEndElement();
        writer.WriteStartElement("link", Atom);
        writer.WriteAttributeString("title", "pdf");
        writer.WriteAttributeString("href", $"http://arxiv.org/pdf/{versioned}");
        writer.WriteAttributeString("rel", "related");
        writer.WriteAttributeString("type", "application/pdf");
        writer.WriteEndElement();
        writer.WriteStartElement("arxiv", "primary_category", ArxivNs);
        writer.WriteAttributeString("term", paper.PrimaryCategory);
        writer.WriteAttributeString("scheme", ArxivNs);
        writer.WriteEndElement();
        writer.WriteStartElement("category", Atom);
        writer.WriteAttributeString("term", paper.PrimaryCategory);
        writer.WriteAttributeString("scheme", ArxivNs);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>Breaks text at spaces near column 76, as arXiv's feed does.</summary>
    private static string Wrap(string text, string lineBreak)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > 76)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        lines.Add(line.ToString());
        return string.Join(lineBreak, lines);
    }
}
