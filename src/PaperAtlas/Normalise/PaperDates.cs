using PaperAtlas.Diagnostics;
using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>
/// A paper's year and month: a paper file's fields, else the arXiv id's YYMM, else the year the lists state.
/// A stated year (or month) that disagrees with the id is reported where it is written; the mention keeps it.
/// </summary>
internal static class PaperDates
{
    public static (int? Year, int? Month) Choose(PaperGroup group, IReadOnlyList<PaperMention> mentions, DiagnosticBag diagnostics)
    {
        (int Year, int Month)? fromId = group.ArxivId is { } id ? ArxivId.DateOf(id) : null;
        if (fromId is { } date)
        {
            foreach (var mention in mentions.Where(m => m.Year is not null))
            {
                var yearDiffers = mention.Year != date.Year;
                var monthDiffers = !yearDiffers && mention.Month is { } month && month != date.Month;
                if (!yearDiffers && !monthDiffers)
                {
                    continue;
                }

                var statedDate = mention.Month is { } m ? $"{mention.Year}/{m:00}" : $"{mention.Year}";
                diagnostics.Warning(DiagnosticCodes.YearMismatch, mention.YearLocation ?? mention.Location,
                    $"{Where(mention)} dates {group.ArxivId} {statedDate}, but the arXiv id says {date.Year}/{date.Month:00}",
                    yearDiffers
                        ? $"write {date.Year} if the list means the arXiv version, or check the link"
                        : $"write {date.Year}/{date.Month:00}, or check the link");
            }
        }

        var file = mentions.FirstOrDefault(m => m.Kind == MentionKind.PaperFile);
        if (file?.Year is { } fileYear)
        {
            return (fileYear, file.Month ?? (fromId?.Year == fileYear ? fromId?.Month : null));
        }

        if (fromId is { } fromIdDate)
        {
            return (fromIdDate.Year, fromIdDate.Month);
        }

        var stated = mentions.Where(m => m.Year is not null)
            .GroupBy(m => m.Year)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .FirstOrDefault();
        return stated is null ? (null, null) : (stated.Key, stated.Select(m => m.Month).FirstOrDefault(m => m is not null));
    }

    private static string Where(PaperMention mention) =>
        mention.Kind == MentionKind.PaperFile ? "the paper file" : $"the list '{mention.ListId}'";
}
