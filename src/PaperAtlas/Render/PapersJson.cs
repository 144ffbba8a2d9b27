using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PaperAtlas.Graph;
using PaperAtlas.Read;

namespace PaperAtlas.Render;

/// <summary>
/// <c>/papers.json</c>: the whole graph's papers with every mention, in id order. Written by hand with
/// <see cref="Utf8JsonWriter"/> so the field order is fixed and the bytes never depend on reflection order; compact,
/// since indentation was over a quarter of the file at ten thousand papers and any JSON viewer indents it again.
/// </summary>
public static class PapersJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Chinese stays readable in the file; HTML-significant characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static void Write(PaperGraph graph, Stream stream)
    {
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("papers");
            foreach (var paper in graph.Papers)
            {
                WritePaper(json, paper, graph.EdgesOf(paper.Id).Where(e => e.From == paper.Id));
                if (json.BytesPending > 1 << 16)
                {
                    // The file is hundreds of MB in a large atlas: out to the stream as it goes, never held whole.
                    json.Flush();
                }
            }

            json.WriteEndArray();
            json.WriteStartArray("reading_paths");
            foreach (var path in graph.ReadingPaths)
            {
                WriteReadingPath(json, path);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WritePaper(Utf8JsonWriter json, Paper paper, IEnumerable<Edge> relations)
    {
        json.WriteStartObject();
        json.WriteString("id", paper.Id);
        json.WriteString("slug", paper.Slug);
        json.WriteString("title", paper.Title);
        WriteNumber(json, "year", paper.Year);
        WriteNumber(json, "month", paper.Month);
        WriteString(json, "arxiv", paper.ArxivId);
        WriteString(json, "doi", paper.Doi);
        WriteStrings(json, "authors", paper.Authors);
        WriteString(json, "venue", paper.Venue);
        WriteStrings(json, "topics", paper.Topics);
        WriteStrings(json, "aliases", paper.Aliases);
        json.WriteStartArray("links");
        foreach (var link in paper.Links)
        {
            json.WriteStartObject();
            json.WriteString("label", link.Label);
            json.WriteString("url", link.Url);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("relations");
        foreach (var edge in relations)
        {
            json.WriteStartObject();
            json.WriteString("to", edge.To);
            json.WriteString("kind", edge.Kind);
            json.WriteString("source", edge.Source);
            WriteString(json, "note", edge.Note.Length == 0 ? null : edge.Note);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("mentions");
        foreach (var mention in paper.Mentions)
        {
            WriteMention(json, mention);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteReadingPath(Utf8JsonWriter json, ReadingPath path)
    {
        json.WriteStartObject();
        json.WriteString("title", path.Title);
        json.WriteString("source", path.Source);
        json.WriteStartArray("steps");
        foreach (var step in path.Steps)
        {
            json.WriteStartObject();
            json.WriteString("label", step.Label);
            WriteStrings(json, "papers", step.PaperIds);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteMention(Utf8JsonWriter json, PaperMention mention)
    {
        json.WriteStartObject();
        json.WriteString("list", mention.ListId);
        json.WriteString("kind", KindName(mention.Kind));
        json.WriteString("file", mention.SourceFile);
        json.WriteNumber("line", mention.Location.Line);
        json.WriteNumber("column", mention.Location.Column);
        WriteStrings(json, "section", [.. mention.Sections.Select(s => s.Title)]);
        WriteString(json, "heading", mention.OwnHeading?.Title);
        WriteString(json, "title", mention.Title);
        WriteString(json, "name", mention.Name);
        WriteNumber(json, "stated_year", mention.Year);
        WriteNumber(json, "stated_month", mention.Month);
        WriteString(json, "url", mention.Url);
        json.WriteString("note", mention.Note);
        WriteString(json, "anchor", mention.Anchor.Length == 0 ? null : mention.Anchor);
        WriteNumber(json, "citation", mention.CitationNumber);
        if (!mention.Citations.IsEmpty)
        {
            json.WriteStartArray("cites");
            foreach (var number in mention.Citations.Distinct())
            {
                json.WriteNumberValue(number);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    public static string KindName(MentionKind kind) => kind switch
    {
        MentionKind.Entry => "entry",
        MentionKind.DerivedWork => "derived",
        MentionKind.SectionSubject => "section",
        MentionKind.WorksCited => "works-cited",
        MentionKind.Generic => "link",
        _ => "paper-file",
    };

    private static void WriteString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
