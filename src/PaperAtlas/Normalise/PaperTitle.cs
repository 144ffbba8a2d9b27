using PaperAtlas.Diagnostics;
using PaperAtlas.Metadata;
using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>Chooses a paper's title from what its mentions say, and reports mentions that disagree.</summary>
internal static class PaperTitle
{
    /// <summary>
    /// A paper file's title wins. Otherwise titles vote by normalised form, a list entry counting twice a
    /// works-cited entry; ties go to the first in file order. Within the winning form, mixed case is preferred
    /// to ALL CAPS. A paper with no title at all is called by its name (GPT-2).
    /// </summary>
    public static string Choose(IReadOnlyList<PaperMention> mentions)
    {
        if (mentions.FirstOrDefault(m => m.Kind == MentionKind.PaperFile)?.Title is { } fileTitle)
        {
            return fileTitle;
        }

        var titled = mentions.Where(m => m.Title is not null).ToList();
        if (titled.Count == 0)
        {
            return mentions.Select(m => m.Name).FirstOrDefault(n => n is not null)
                   ?? mentions.Select(m => m.ArxivId ?? m.Doi).FirstOrDefault(n => n is not null)
                   ?? "Untitled";
        }

        var best = titled
            .Select((m, index) => (m, index))
            .GroupBy(x => TitleKey.Of(x.m.Title!), StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(x => Weight(x.m)))
            .ThenBy(g => g.Min(x => x.index))
            .First();
        // The most common spelling wins, mixed case before ALL CAPS.
        return best.Select(x => x.m.Title!)
            .GroupBy(t => t, StringComparer.Ordinal)
            .OrderByDescending(g => g.Key.Any(char.IsLower))
            .ThenByDescending(g => g.Count())
            .First().Key;
    }

    private static int Weight(PaperMention mention) => mention.Kind switch
    {
        MentionKind.Entry or MentionKind.DerivedWork => 2,
        _ => 1,
    };

    /// <summary>
    /// One arXiv id under two different titles usually means a wrong link or a wrong title. With a stored record, each
    /// warning also says what arXiv (else Semantic Scholar) calls the paper, which tells which of the two is right; and a
    /// chosen title that the record contradicts is a warning of its own (PA320).
    /// </summary>
    public static void ReportConflicts(string? arxivId, string? doi, IReadOnlyList<PaperMention> mentions, string chosen, DiagnosticBag diagnostics, PaperMetadata? stored = null)
    {
        if (arxivId is null && doi is null)
        {
            return;
        }

        var id = arxivId ?? doi;
        var storedName = stored?.Title is { } storedTitle ? $"{(stored.TitleFromArxiv ? "arXiv" : "Semantic Scholar")} calls it '{storedTitle}'" : null;
        var reference = mentions.FirstOrDefault(m => m.Title is not null && TitleKey.Similar(m.Title, chosen));
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in mentions.Where(m => m.Title is not null && !TitleKey.Similar(m.Title!, chosen)))
        {
            if (!reported.Add(TitleKey.Of(mention.Title!)))
            {
                continue;
            }

            var where = reference is null ? "" : $" ({reference.File}:{reference.Location.Line})";
            diagnostics.Warning(DiagnosticCodes.TitleConflict, mention.Location,
                $"{id} is titled '{mention.Title}' here but '{chosen}' elsewhere{where}{(storedName is null ? "" : "; " + storedName)}",
                "check that the link points at the paper the title names; fix the link or the title");
        }

        if (reference is not null && storedName is not null && !TitleKey.Similar(chosen, stored!.Title!))
        {
            diagnostics.Warning(DiagnosticCodes.TitleDisagreesWithMetadata, reference.Location,
                $"{id} is titled '{chosen}' here, but {storedName}",
                $"check that the link points at the paper the title names, and fix the link or the title (content/{MetadataStore.Folder}/ only keeps what the services said)");
        }
    }
}
