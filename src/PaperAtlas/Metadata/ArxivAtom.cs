using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PaperAtlas.Read;

namespace PaperAtlas.Metadata;

/// <summary>
/// Reads arXiv's Atom answer (<c>/api/query?id_list=…</c>): one <c>&lt;entry&gt;</c> per paper it knows, its
/// <c>&lt;id&gt;</c> the versioned abstract URL, with the <c>arxiv:</c> extensions for the primary category, DOI and
/// journal reference. An id arXiv does not know has no entry (or, from older servers, an entry without a title); an
/// error report is an entry whose id is under <c>/api/errors</c>.
/// </summary>
internal static class ArxivAtom
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";

    private static readonly XmlReaderSettings Safe = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    /// <summary>The entries by canonical arXiv id, and the error reports' texts.</summary>
    public static (IReadOnlyDictionary<string, ArxivRecord> Entries, IReadOnlyList<string> Errors) Read(string xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Safe);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new MalformedAnswerException($"not a whole Atom feed ({ex.Message})");
        }

        if (document.Root?.Name != Atom + "feed")
        {
            throw new MalformedAnswerException($"expected an Atom <feed>, got <{document.Root?.Name.LocalName}>");
        }

        var entries = new Dictionary<string, ArxivRecord>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var entry in document.Root.Elements(Atom + "entry"))
        {
            var idUrl = (string?)entry.Element(Atom + "id") ?? "";
            if (idUrl.Contains("/api/errors", StringComparison.Ordinal))
            {
                errors.Add(MetadataText.Clean((string?)entry.Element(Atom + "summary")) ?? idUrl);
                continue;
            }

            if (IdOf(idUrl) is not { } id || MetadataText.Clean((string?)entry.Element(Atom + "title")) is not { } title)
            {
                continue;
            }

            entries[id] = new ArxivRecord(
                title,
                [.. entry.Elements(Atom + "author").Select(a => MetadataText.Clean((string?)a.Element(Atom + "name"))).OfType<string>()],
                MetadataText.Clean((string?)entry.Element(Atom + "summary")),
                DayOf((string?)entry.Element(Atom + "published")),
                MetadataText.Clean((string?)entry.Element(Arxiv + "primary_category")?.Attribute("term")),
                MetadataText.Clean((string?)entry.Element(Arxiv + "doi")) is { } doi && Dois.IsDoi(doi) ? doi : null,
                MetadataText.Clean((string?)entry.Element(Arxiv + "journal_ref")));
        }

        return (entries, errors);
    }

    /// <summary>The canonical id in an entry's <c>http://arxiv.org/abs/1706.03762v7</c>.</summary>
    private static string? IdOf(string url)
    {
        var at = url.IndexOf("/abs/", StringComparison.Ordinal);
        return at >= 0 && ArxivId.TryParse(url[(at + 5)..].Trim(), out var id) ? id : null;
    }

    /// <summary>The UTC day of an Atom timestamp (<c>2017-06-12T17:57:34Z</c>).</summary>
    private static DateOnly? DayOf(string? timestamp) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? DateOnly.FromDateTime(when.UtcDateTime)
            : null;
}
