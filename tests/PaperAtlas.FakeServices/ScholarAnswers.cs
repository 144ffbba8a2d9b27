using System.Text;
using System.Text.Json;

namespace PaperAtlas.FakeServices;

/// <summary>
/// The Semantic Scholar Graph API's answers, as the real service writes them: paper objects with only the fields
/// asked for (plus <c>paperId</c>, always), <c>null</c> in a batch for an id it does not know, references whose
/// <c>paperId</c> and <c>externalIds</c> may be null, and error bodies with <c>error</c> or <c>message</c>.
/// </summary>
public static class ScholarAnswers
{
    public const string TooManyRequests =
        "{\"message\": \"Too Many Requests. Please wait and try again or apply for a key for higher rate limits. https://www.semanticscholar.org/product/api#api-key-form\", \"code\": \"429\"}";

    public const string InternalError = "{\"message\": \"Internal server error\"}";

    public const string TitleMatchNotFound = "{\"error\":\"Title match not found\"}";

    public static string Error(string message) => JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = message });

    public static string Batch(IReadOnlyList<FakePaper?> papers, ISet<string> fields, FakeCatalogue catalogue) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var paper in papers)
        {
            if (paper is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                Paper(writer, paper, fields, catalogue, score: null);
            }
        }

        writer.WriteEndArray();
    });

    public static string Match(FakePaper paper, double score, ISet<string> fields, FakeCatalogue catalogue) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("data");
        Paper(writer, paper, fields, catalogue, score);
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Paper(Utf8JsonWriter writer, FakePaper paper, ISet<string> fields, FakeCatalogue catalogue, double? score)
    {
        writer.WriteStartObject();
        writer.WriteString("paperId", paper.ScholarId);
        if (fields.Contains("externalIds"))
        {
            ExternalIds(writer, paper.ArxivId, paper.Doi, corpusId: Convert.ToInt32(paper.ScholarId[..7], 16));
        }

        if (fields.Contains("title"))
        {
            writer.WriteString("title", paper.Title);
        }

        if (score is { } matchScore)
        {
            writer.WriteNumber("matchScore", matchScore);
        }

        if (fields.Contains("venue"))
        {
            writer.WriteString("venue", paper.Venue ?? "");
        }

        if (fields.Contains("year"))
        {
            writer.WriteNumber("year", paper.Year);
        }

        if (fields.Contains("citationCount"))
        {
            writer.WriteNumber("citationCount", paper.CitationCount);
        }

        if (fields.Contains("authors"))
        {
            writer.WriteStartArray("authors");
            foreach (var (author, i) in paper.Authors.Select((a, i) => (a, i)))
            {
                writer.WriteStartObject();
                writer.WriteString("authorId", (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("name", author);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (fields.Contains("references.externalIds"))
        {
            writer.WriteStartArray("references");
            foreach (var reference in paper.References)
            {
                var isDoi = reference.StartsWith("10.", StringComparison.Ordinal);
                var known = isDoi ? catalogue.ByScholarKey("DOI:" + reference) : catalogue.ByArxivId(reference);
                writer.WriteStartObject();
                writer.WriteString("paperId", known?.ScholarId ?? new FakePaper(isDoi ? null : reference, 1, reference, [], "", default, "", isDoi ? reference : null, null, null, 0, []).ScholarId);
                ExternalIds(writer, isDoi ? null : reference, isDoi ? reference : known?.Doi, corpusId: reference.Length);
                writer.WriteEndObject();
            }

            // A reference Semantic Scholar could not resolve to a paper: no id, no external ids.
            writer.WriteStartObject();
            writer.WriteNull("paperId");
            writer.WriteNull("externalIds");
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void ExternalIds(Utf8JsonWriter writer, string? arxiv, string? doi, int corpusId)
    {
        writer.WriteStartObject("externalIds");
        if (arxiv is not null)
        {
            writer.WriteString("ArXiv", arxiv);
        }

        if (doi is not null)
        {
            writer.WriteString("DOI", doi);
        }

        writer.WriteNumber("CorpusId", corpusId);
        writer.WriteEndObject();
    }
}
