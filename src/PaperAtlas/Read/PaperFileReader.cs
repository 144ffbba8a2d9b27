using System.Collections.Immutable;
using PaperAtlas.Diagnostics;
using PaperAtlas.Load;
using YamlDotNet.RepresentationModel;

namespace PaperAtlas.Read;

/// <summary>
/// Paper files, <c>content/papers/&lt;id&gt;.md</c>: the front-matter is the paper's record, the body the
/// contributor's notes. Every field is checked by type and range, each error on the field's own line.
/// </summary>
public static class PaperFileReader
{
    public const string ListId = "papers";

    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "id", "title", "authors", "year", "month", "venue", "topics", "aliases", "links", "related", "doi", "draft",
    };

    /// <summary>What `atlas new` writes where it cannot fill a field in; a file that still has one is an error (PA220).</summary>
    public const string Todo = "TODO";

    public static readonly ImmutableArray<string> RelationKinds =
        ["extends", "variant-of", "improves", "uses", "surveys", "compares-with", "related"];

    public static PaperMention? Read(SourceDocument document, DiagnosticBag diagnostics)
    {
        var fields = document.FrontMatter;
        if (string.IsNullOrWhiteSpace(document.Text))
        {
            diagnostics.Warning(DiagnosticCodes.EmptyFile, SourceLocation.StartOf(document.Path),
                "the paper file is empty", "run `atlas new <arXiv id>` to write one with every field");
        }

        UnsafeLinks.Check(document, diagnostics);
        foreach (var unknown in fields.Keys.Where(k => !KnownFields.Contains(k)))
        {
            diagnostics.Warning(DiagnosticCodes.UnknownField, fields.LocationOf(unknown),
                $"`{unknown}` is not a paper field and is ignored",
                $"paper fields are: {string.Join(", ", KnownFields.Order(StringComparer.Ordinal))}");
        }

        var idText = fields.GetString("id", diagnostics) ?? document.Stem;
        var idLocation = fields.LocationOf("id");
        string? arxiv = null, doi = null, key = null;
        if (ArxivId.TryParse(idText, out var parsed))
        {
            arxiv = parsed;
        }
        else if (idText.StartsWith("10.", StringComparison.Ordinal) || idText.StartsWith("doi:", StringComparison.OrdinalIgnoreCase))
        {
            doi = idText.StartsWith("doi:", StringComparison.OrdinalIgnoreCase) ? idText[4..] : idText;
        }
        else if (Slug.IsSafe(idText) && !LooksLikeArxivAttempt(idText))
        {
            key = idText;
        }
        else
        {
            diagnostics.Error(LooksLikeArxivAttempt(idText) ? DiagnosticCodes.MalformedArxivId : DiagnosticCodes.UnsafeId, idLocation,
                $"id '{idText}' is neither a well-formed arXiv id, a DOI nor a safe name",
                "use the arXiv id without version (2106.09685), a DOI (10.1234/abc), or lowercase letters, digits and '-'");
            return null;
        }

        var expectedStem = (arxiv ?? doi ?? key)!.Replace('/', '-');
        if (!string.Equals(document.Stem, expectedStem, StringComparison.Ordinal))
        {
            diagnostics.Warning(DiagnosticCodes.FrontMatterField, idLocation,
                $"the file is named '{document.Stem}.md' but its id is '{idText}'",
                $"rename the file to '{expectedStem}.md' so contributors find it");
        }

        var title = fields.GetString("title", diagnostics);
        // A file may leave the title to the lists, but a half-filled file must never be merged and deployed.
        if (title is not null && IsTodo(title))
        {
            diagnostics.Error(DiagnosticCodes.PlaceholderLeft, fields.LocationOf("title"),
                "the title is still the TODO that `atlas new` wrote", "write the paper's title as it appears on arXiv");
        }

        var year = fields.GetInt("year", 1900, 2100, diagnostics);
        var month = fields.GetInt("month", 1, 12, diagnostics);
        var body = BodyOf(document);
        return new PaperMention
        {
            ListId = ListId,
            SourceFile = document.RelativePath,
            Location = idLocation,
            IdLocation = idLocation,
            Kind = MentionKind.PaperFile,
            ArxivId = arxiv,
            Doi = doi,
            KeyId = key,
            Title = title,
            Year = year,
            Month = month,
            YearLocation = year is null ? null : fields.LocationOf("year"),
            Venue = fields.GetString("venue", diagnostics),
            Authors = [.. fields.GetStringList("authors", diagnostics).Select(a => a.Value)],
            TopicIds = [.. fields.GetStringList("topics", diagnostics)],
            Aliases = [.. fields.GetStringList("aliases", diagnostics).Select(a => a.Value)],
            Links = ReadLinks(fields, diagnostics),
            Related = ReadRelated(fields, diagnostics),
            Note = MarkdownText.NormaliseTex(body),
            Anchor = "notes",
            Draft = DraftFlag.Read(fields, diagnostics),
        };
    }

    /// <summary>"TODO", "TODO: the paper's title", "todo - fill in"; not a title that only starts with the letters ("Todorov's…").</summary>
    private static bool IsTodo(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith(Todo, StringComparison.OrdinalIgnoreCase) && (trimmed.Length == Todo.Length || !char.IsLetterOrDigit(trimmed[Todo.Length]));
    }

    private static bool LooksLikeArxivAttempt(string id) => id.Length > 0 && char.IsAsciiDigit(id[0]) && id.Contains('.', StringComparison.Ordinal);

    private static string BodyOf(SourceDocument document) => document.Text[document.BodyStart..].Trim();

    private static ImmutableArray<PaperLinkRef> ReadLinks(FrontMatter fields, DiagnosticBag diagnostics)
    {
        var node = fields.Node("links");
        var links = ImmutableArray.CreateBuilder<PaperLinkRef>();
        switch (node)
        {
            case null:
                break;
            case YamlMappingNode mapping:
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var label = (keyNode as YamlScalarNode)?.Value ?? "link";
                    AddLink(links, label, valueNode, fields, diagnostics);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence)
                {
                    AddLink(links, "link", item, fields, diagnostics);
                }

                break;
            default:
                AddLink(links, "link", node, fields, diagnostics);
                break;
        }

        return links.ToImmutable();
    }

    private static void AddLink(ImmutableArray<PaperLinkRef>.Builder links, string label, YamlNode node, FrontMatter fields, DiagnosticBag diagnostics)
    {
        if (node is YamlScalarNode { Value: { } url } && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            links.Add(new PaperLinkRef(label, uri.ToString()));
            return;
        }

        diagnostics.Error(DiagnosticCodes.FrontMatterField, fields.LocationOf(node),
            $"link `{label}` must be an http(s) URL",
            "write a full URL such as https://arxiv.org/abs/2106.09685");
    }

    private static ImmutableArray<RelatedRef> ReadRelated(FrontMatter fields, DiagnosticBag diagnostics)
    {
        if (fields.Node("related") is not { } node)
        {
            return [];
        }

        if (node is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterField, fields.LocationOf(node),
                "`related` must be a list of `{id, kind, note}` entries",
                "write `related:` then lines `  - id: \"2305.18290\"` and `    kind: extends`");
            return [];
        }

        var related = ImmutableArray.CreateBuilder<RelatedRef>();
        foreach (var item in sequence)
        {
            switch (item)
            {
                case YamlScalarNode { Value: { Length: > 0 } id }:
                    related.Add(new RelatedRef(id.Trim(), "related", "", fields.LocationOf(item)));
                    break;
                case YamlMappingNode mapping:
                    var entry = fields.Child(mapping);
                    var relatedId = entry.GetString("id", diagnostics);
                    var kind = entry.GetString("kind", diagnostics) ?? "related";
                    if (relatedId is null)
                    {
                        diagnostics.Error(DiagnosticCodes.FrontMatterField, fields.LocationOf(item),
                            "a `related` entry has no `id`", "add `id: \"<arXiv id>\"` to the entry");
                        break;
                    }

                    if (!RelationKinds.Contains(kind))
                    {
                        diagnostics.Error(DiagnosticCodes.FrontMatterField, entry.LocationOf("kind"),
                            $"relation kind '{kind}' is not known",
                            $"use one of: {string.Join(", ", RelationKinds)}");
                        kind = "related";
                    }

                    related.Add(new RelatedRef(relatedId, kind, entry.GetString("note", diagnostics) ?? "", fields.LocationOf(item)));
                    break;
                default:
                    diagnostics.Error(DiagnosticCodes.FrontMatterField, fields.LocationOf(item),
                        "a `related` entry must be an id or an `{id, kind, note}` mapping",
                        "write `- id: \"2305.18290\"` with `kind: extends` below it");
                    break;
            }
        }

        return related.ToImmutable();
    }
}
