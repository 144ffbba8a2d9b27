using System.Text.Json;
using PaperAtlas.Read;

namespace PaperAtlas.Metadata;

/// <summary>
/// Reads the Semantic Scholar Graph API's paper objects (<c>paperId</c>, <c>title</c>, <c>authors[].name</c>,
/// <c>year</c>, <c>venue</c>, <c>citationCount</c>, <c>externalIds</c> with <c>ArXiv</c> and <c>DOI</c>, and
/// <c>references[].externalIds</c>): the batch answer is an array in request order with <c>null</c> for an id it does
/// not know; a title match is <c>{"data": [paper]}</c> with a <c>matchScore</c>.
/// </summary>
internal static class ScholarJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>The batch answer: one record (or null) per id asked, in the order asked.</summary>
    public static IReadOnlyList<ScholarRecord?> ReadBatch(string json, int asked)
    {
        using var document = Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new MalformedAnswerException($"expected a JSON array, got {document.RootElement.ValueKind}");
        }

        var papers = document.RootElement.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.Object ? Paper(p) : null).ToList();
        return papers.Count == asked ? papers : throw new MalformedAnswerException($"{papers.Count} answers for {asked} ids");
    }

    /// <summary>The best match of a title search, or null when the answer holds none.</summary>
    public static ScholarRecord? ReadMatch(string json)
    {
        using var document = Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            && data.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first
                ? Paper(first)
                : null;
    }

    /// <summary>The <c>error</c> or <c>message</c> of an error body, when it has one.</summary>
    public static string? ErrorOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && (Text(document.RootElement, "error") ?? Text(document.RootElement, "message")) is { } text ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            throw new MalformedAnswerException($"not whole JSON ({ex.Message})");
        }
    }

    private static ScholarRecord Paper(JsonElement paper)
    {
        var (arxiv, doi) = Ids(paper);
        var cites = paper.TryGetProperty("references", out var references) && references.ValueKind == JsonValueKind.Array
            ? references.EnumerateArray().Select(r => Ids(r) is var (a, d) ? a ?? d : null).OfType<string>()
            : [];
        return new ScholarRecord(
            Text(paper, "paperId"),
            Text(paper, "title"),
            paper.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array
                ? [.. authors.EnumerateArray().Select(a => Text(a, "name")).OfType<string>()]
                : [],
            Number(paper, "year"),
            Text(paper, "venue"),
            Number(paper, "citationCount"),
            arxiv,
            doi,
            [.. cites.Where(c => c != arxiv && c != doi).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>A paper's arXiv id (canonical) and DOI from its <c>externalIds</c>, when they are well formed.</summary>
    private static (string? Arxiv, string? Doi) Ids(JsonElement paper)
    {
        if (paper.ValueKind != JsonValueKind.Object || !paper.TryGetProperty("externalIds", out var ids) || ids.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        var arxiv = Text(ids, "ArXiv") is { } a && ArxivId.TryParse(a, out var canonical) ? canonical : null;
        var doi = Text(ids, "DOI") is { } d && Dois.IsDoi(d) ? d : null;
        return (arxiv, doi);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? MetadataText.Clean(value.GetString())
            : null;

    private static int? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 0
            ? number
            : null;
}
