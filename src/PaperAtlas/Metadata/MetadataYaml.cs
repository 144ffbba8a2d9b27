using System.Collections.Immutable;
using System.Globalization;
using PaperAtlas.Diagnostics;
using PaperAtlas.Load;
using PaperAtlas.Read;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace PaperAtlas.Metadata;

/// <summary>
/// One record's YAML: written by <c>atlas fetch</c>, read by the build. Keys are sorted at every level, absent values
/// are left out, strings are double-quoted (so an id such as <c>1706.03762</c> stays text in any YAML reader) and the
/// abstract is folded at <see cref="LineWidth"/> columns, so a changed answer changes only the lines it touches. The same
/// record always gives the same bytes.
/// </summary>
public static class MetadataYaml
{
    public const string Header = "# Written by `atlas fetch` from arXiv and Semantic Scholar. To correct a paper, edit its list entry or papers/<id>.md: what they say wins.";

    private const int LineWidth = 100;

    private const string IdField = "id", ArxivPart = "arxiv", ScholarPart = "semantic_scholar";
    private const string Title = "title", Authors = "authors", Abstract = "abstract", Published = "published",
        PrimaryCategory = "primary_category", Doi = "doi", JournalRef = "journal_ref";
    private const string PaperId = "paper_id", Year = "year", Venue = "venue", CitationCount = "citation_count",
        ScholarArxivId = "arxiv_id", Cites = "cites";

    private static readonly string[] TopFields = [ArxivPart, IdField, ScholarPart];
    private static readonly string[] ArxivFields = [Abstract, Authors, Doi, JournalRef, PrimaryCategory, Published, Title];
    private static readonly string[] ScholarFields = [ScholarArxivId, Authors, CitationCount, Cites, Doi, PaperId, Title, Venue, Year];

    public static string Write(PaperMetadata record)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        text.WriteLine(Header);
        var emitter = new Emitter(text, new EmitterSettings(2, LineWidth, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
        if (record.Arxiv is { } arxiv)
        {
            Key(emitter, ArxivPart);
            emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
            Field(emitter, Abstract, arxiv.Abstract, ScalarStyle.Folded);
            List(emitter, Authors, arxiv.Authors);
            Field(emitter, Doi, arxiv.Doi);
            Field(emitter, JournalRef, arxiv.JournalRef);
            Field(emitter, PrimaryCategory, arxiv.PrimaryCategory);
            Field(emitter, Published, arxiv.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Field(emitter, Title, arxiv.Title);
            emitter.Emit(new MappingEnd());
        }

        Field(emitter, IdField, record.Id);
        if (record.Scholar is { } scholar)
        {
            Key(emitter, ScholarPart);
            emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
            Field(emitter, ScholarArxivId, scholar.ArxivId);
            List(emitter, Authors, scholar.Authors);
            Number(emitter, CitationCount, scholar.CitationCount);
            List(emitter, Cites, scholar.Cites);
            Field(emitter, Doi, scholar.Doi);
            Field(emitter, PaperId, scholar.PaperId);
            Field(emitter, Title, scholar.Title);
            Field(emitter, Venue, scholar.Venue);
            Number(emitter, Year, scholar.Year);
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Key(Emitter emitter, string key) =>
        emitter.Emit(new Scalar(null, null, key, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    private static void Field(Emitter emitter, string key, string? value, ScalarStyle style = ScalarStyle.DoubleQuoted)
    {
        if (value is null)
        {
            return;
        }

        Key(emitter, key);
        emitter.Emit(new Scalar(null, null, value, style, isPlainImplicit: false, isQuotedImplicit: true));
    }

    private static void Number(Emitter emitter, string key, int? value)
    {
        if (value is { } number)
        {
            Key(emitter, key);
            emitter.Emit(new Scalar(null, null, number.ToString(CultureInfo.InvariantCulture), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
        }
    }

    private static void List(Emitter emitter, string key, ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return;
        }

        Key(emitter, key);
        emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
        foreach (var value in values)
        {
            emitter.Emit(new Scalar(null, null, value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
        }

        emitter.Emit(new SequenceEnd());
    }

    /// <summary>
    /// Reads one record; null (with an error at the line) when it is not one. A hand-edited field of the wrong type or
    /// form is an error on its own line and is left out; an unknown field is a warning.
    /// </summary>
    public static PaperMetadata? Read(string shownPath, string text, DiagnosticBag diagnostics)
    {
        ControlCharacters.Report(shownPath, text, diagnostics);
        var yaml = FrontMatter.ParseFile(shownPath, text, diagnostics);
        if (yaml.IsEmpty)
        {
            diagnostics.Error(DiagnosticCodes.MetadataRecordInvalid, yaml.Start,
                "this metadata record is empty or not YAML, so it is not read", "run `atlas fetch --refresh` to write it again, or delete the file");
            return null;
        }

        ReportUnknown(yaml, TopFields, "a metadata record", diagnostics);
        if (yaml.GetString(IdField, diagnostics) is not { } id)
        {
            diagnostics.Error(DiagnosticCodes.MetadataRecordInvalid, yaml.LocationOf(IdField),
                "this metadata record has no `id`, so no paper is known to it", "write the paper's id, e.g. `id: \"1706.03762\"`");
            return null;
        }

        if (!IsPaperId(id))
        {
            diagnostics.Error(DiagnosticCodes.MetadataRecordInvalid, yaml.LocationOf(yaml.Node(IdField)!),
                $"`id` is '{ControlCharacters.Printable(id)}', which is not a paper id", "write an arXiv id without version (1706.03762), a DOI (10.1234/abc) or a lowercase slug");
            return null;
        }

        var arxiv = Part(yaml, ArxivPart, diagnostics) is { } arxivFields ? ReadArxiv(arxivFields, diagnostics) : null;
        var scholar = Part(yaml, ScholarPart, diagnostics) is { } scholarFields ? ReadScholar(scholarFields, diagnostics) : null;
        return new PaperMetadata(id, arxiv, scholar, yaml.LocationOf(IdField));
    }

    private static FrontMatter? Part(FrontMatter yaml, string key, DiagnosticBag diagnostics)
    {
        switch (yaml.Node(key))
        {
            case null:
                return null;
            case YamlMappingNode mapping:
                return yaml.Child(mapping);
            case var other:
                diagnostics.Error(DiagnosticCodes.MetadataRecordInvalid, yaml.LocationOf(other),
                    $"`{key}` must be a mapping of fields, not a {FrontMatter.Describe(other)}", $"indent its fields under `{key}:`");
                return null;
        }
    }

    private static ArxivRecord? ReadArxiv(FrontMatter fields, DiagnosticBag diagnostics)
    {
        ReportUnknown(fields, ArxivFields, "arXiv's part of a metadata record", diagnostics);
        if (fields.GetString(Title, diagnostics) is not { } title)
        {
            diagnostics.Error(DiagnosticCodes.MetadataRecordInvalid, fields.Start,
                "arXiv's part of this record has no `title`, so it is not read", "run `atlas fetch --refresh` to write it again");
            return null;
        }

        return new ArxivRecord(
            title,
            Names(fields, Authors, diagnostics),
            fields.GetString(Abstract, diagnostics),
            Date(fields, Published, diagnostics),
            fields.GetString(PrimaryCategory, diagnostics),
            fields.GetString(Doi, diagnostics),
            fields.GetString(JournalRef, diagnostics));
    }

    private static ScholarRecord ReadScholar(FrontMatter fields, DiagnosticBag diagnostics)
    {
        ReportUnknown(fields, ScholarFields, "Semantic Scholar's part of a metadata record", diagnostics);
        var cites = ImmutableArray.CreateBuilder<string>();
        foreach (var (value, location) in fields.GetStringList(Cites, diagnostics))
        {
            if ((ArxivId.TryParse(value, out var arxiv) && arxiv == value) || Dois.IsDoi(value))
            {
                cites.Add(value);
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.MetadataRecordInvalid, location,
                    $"'{ControlCharacters.Printable(value)}' in `cites` is neither an arXiv id nor a DOI, so it is left out",
                    "write an arXiv id without version (1706.03762) or a DOI (10.1234/abc)");
            }
        }

        var arxivId = fields.GetString(ScholarArxivId, diagnostics);
        if (arxivId is not null && !(ArxivId.TryParse(arxivId, out var canonical) && canonical == arxivId))
        {
            diagnostics.Error(DiagnosticCodes.MetadataRecordInvalid, fields.LocationOf(fields.Node(ScholarArxivId)!),
                $"`{ScholarArxivId}` is '{ControlCharacters.Printable(arxivId!)}', which is not an arXiv id", "write it without version, e.g. 1706.03762");
            arxivId = null;
        }

        return new ScholarRecord(
            fields.GetString(PaperId, diagnostics),
            fields.GetString(Title, diagnostics),
            Names(fields, Authors, diagnostics),
            fields.GetInt(Year, 1000, 9999, diagnostics),
            fields.GetString(Venue, diagnostics),
            fields.GetInt(CitationCount, 0, int.MaxValue, diagnostics),
            arxivId,
            fields.GetString(Doi, diagnostics),
            [.. cites.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    private static ImmutableArray<string> Names(FrontMatter fields, string key, DiagnosticBag diagnostics) =>
        [.. fields.GetStringList(key, diagnostics).Select(n => n.Value)];

    private static DateOnly? Date(FrontMatter fields, string key, DiagnosticBag diagnostics)
    {
        if (fields.GetString(key, diagnostics) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        diagnostics.Error(DiagnosticCodes.MetadataRecordInvalid, fields.LocationOf(fields.Node(key)!),
            $"`{key}` is '{ControlCharacters.Printable(text)}', which is not a day", $"write it as YYYY-MM-DD, e.g. `{key}: \"2017-06-12\"`");
        return null;
    }

    private static void ReportUnknown(FrontMatter fields, string[] known, string what, DiagnosticBag diagnostics)
    {
        foreach (var unknown in fields.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)))
        {
            diagnostics.Warning(DiagnosticCodes.UnknownField, fields.LocationOf(unknown),
                $"`{ControlCharacters.Printable(unknown)}` is not a field of {what} and is ignored", $"its fields are: {string.Join(", ", known)}");
        }
    }

    /// <summary>An atlas paper id: an arXiv id without version (a versioned one is no slug), a DOI, or a slug made from a title.</summary>
    private static bool IsPaperId(string id) =>
        ArxivId.TryParse(id, out var arxiv) ? arxiv == id : Dois.IsDoi(id) || Slug.IsSafe(id);
}
