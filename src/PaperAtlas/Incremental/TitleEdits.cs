using PaperAtlas.Graph;
using PaperAtlas.Load;
using PaperAtlas.Normalise;
using PaperAtlas.Read;

namespace PaperAtlas.Incremental;

/// <summary>
/// When a paper file's new title reaches no paper but its own. A title takes part in three things beyond its paper:
/// id-less and DOI-only mentions join papers by title; lists name papers (derived works, reading paths) and those names
/// are looked up among titles and nicknames; and a paper's nicknames are chosen against its title. If no mention that
/// joins by title and no name a list uses matches the old or new title, or a nickname gained or lost, the rest of the
/// graph is what a full normalise would give.
/// </summary>
internal static class TitleEdits
{
    public static bool ReachOnlyTheirPaper(
        IReadOnlyList<(Paper Before, Paper After, PaperMention OldFile, PaperMention NewFile)> edits,
        IReadOnlyList<ListReading> lists, IReadOnlyList<PaperMention> paperFiles, SiteSettings settings)
    {
        var titles = edits
            .SelectMany(e => new[] { e.Before.Title, e.After.Title, e.OldFile.Title, e.NewFile.Title })
            .OfType<string>()
            .SelectMany(TitleKey.Variants)
            .ToHashSet(StringComparer.Ordinal);
        var joinByTitle = lists.SelectMany(l => l.Mentions).Concat(paperFiles).Select(Normaliser.JoiningTitle).OfType<string>();
        if (joinByTitle.SelectMany(TitleKey.Variants).Any(titles.Contains))
        {
            return false;
        }

        var names = edits
            .SelectMany(e => new[] { e.Before.Title, e.After.Title }.Concat(e.Before.Aliases.Except(e.After.Aliases)).Concat(e.After.Aliases.Except(e.Before.Aliases)))
            .Select(NameIndex.Key)
            .ToHashSet(StringComparer.Ordinal);
        var named = lists.SelectMany(l => l.Mentions).Select(m => m.DerivedFrom).OfType<string>()
            .Concat(ReadingPaths.StepNames(lists, settings));
        return !named.Select(NameIndex.Key).Any(names.Contains);
    }
}
