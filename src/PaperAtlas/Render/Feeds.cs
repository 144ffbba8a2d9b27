using System.Globalization;
using System.Text;
using System.Xml;
using PaperAtlas.Graph;
using PaperAtlas.Load;

namespace PaperAtlas.Render;

/// <summary>
/// The Atom feed, the sitemap and robots.txt. Dates come from the papers (their year and month), never from
/// the clock, so two builds of the same content are byte-identical. Content with control characters is refused
/// when it is loaded (PA111); text is still written through <see cref="XmlText"/>, so no character can stop a feed.
/// </summary>
public static class Feeds
{
    public static string DateOf(Paper paper) =>
        paper.Year is { } year ? $"{year:0000}-{paper.Month ?? 1:00}-01" : "1970-01-01";

    public static IEnumerable<Paper> Newest(PaperGraph graph, int count) =>
        graph.Papers.OrderByDescending(p => p.Year ?? 0).ThenByDescending(p => p.Month ?? 0).ThenBy(p => p.Id, StringComparer.Ordinal).Take(count);

    public static byte[] Atom(PaperGraph graph, SiteSettings settings, Routes routes)
    {
        var origin = Origin(settings);
        var newest = Newest(graph, 50).ToList();
        var updated = newest.Count == 0 ? "1970-01-01" : newest.Select(DateOf).Max(StringComparer.Ordinal)!;
        return Xml(writer =>
        {
            writer.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            writer.WriteElementString("title", XmlText(settings.ShownTitle));
            writer.WriteElementString("id", origin + routes.Home.Url);
            writer.WriteElementString("updated", updated + "T00:00:00Z");
            writer.WriteStartElement("link");
            writer.WriteAttributeString("href", origin + routes.Home.Url);
            writer.WriteEndElement();
            writer.WriteStartElement("link");
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("href", origin + routes.File("feed.xml").Url);
            writer.WriteEndElement();
            writer.WriteStartElement("author");
            writer.WriteElementString("name", XmlText(settings.ShownTitle));
            writer.WriteEndElement();
            foreach (var paper in newest)
            {
                writer.WriteStartElement("entry");
                writer.WriteElementString("title", XmlText(paper.Title));
                writer.WriteElementString("id", origin + routes.Paper(paper.Slug).Url);
                writer.WriteElementString("updated", DateOf(paper) + "T00:00:00Z");
                writer.WriteStartElement("link");
                writer.WriteAttributeString("href", origin + routes.Paper(paper.Slug).Url);
                writer.WriteEndElement();
                writer.WriteElementString("summary", XmlText(Summary(paper)));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    public static byte[] Sitemap(IEnumerable<(string Path, string? LastModified)> pages, SiteSettings settings)
    {
        var origin = Origin(settings);
        return Xml(writer =>
        {
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var (path, lastModified) in pages)
            {
                writer.WriteStartElement("url");
                writer.WriteElementString("loc", origin + path);
                if (lastModified is not null)
                {
                    writer.WriteElementString("lastmod", lastModified);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    public static byte[] Robots(SiteSettings settings, Routes routes) =>
        Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\nSitemap: {Origin(settings)}{routes.File("sitemap.xml").Url}\n");

    /// <summary>The site's origin for absolute URLs (site.yml `url`); without one, links stay root-relative.</summary>
    private static string Origin(SiteSettings settings) => (settings.SiteUrl ?? "").TrimEnd('/');

    /// <summary>The text with every character XML cannot hold (controls, lone surrogates, U+FFFE/U+FFFF) made U+FFFD.</summary>
    internal static string XmlText(string text)
    {
        var invalid = text.AsSpan().IndexOfAnyExcept(ValidXml);
        if (invalid < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var pair = char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]);
            if (pair)
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    /// <summary>The characters that are valid XML on their own (surrogates are checked in pairs).</summary>
    private static readonly System.Buffers.SearchValues<char> ValidXml = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(XmlConvert.IsXmlChar)]);

    private static string Summary(Paper paper)
    {
        var year = paper.Year?.ToString(CultureInfo.InvariantCulture) ?? "";
        var lists = paper.ListCount;
        return $"{paper.Title} ({year}) — in {lists} list(s).";
    }

    private static byte[] Xml(Action<XmlWriter> write)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
