using System.Collections.Immutable;
using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using PaperAtlas.Load;
using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>Resolves reading paths (lists' arrows and site.yml's) from names to papers.</summary>
internal static class ReadingPaths
{
    public static ImmutableArray<ReadingPath> Resolve(
        IReadOnlyList<ListReading> lists, SiteSettings settings, NameIndex names, HashSet<string> ids, DiagnosticBag diagnostics)
    {
        var paths = ImmutableArray.CreateBuilder<ReadingPath>();
        foreach (var source in lists.SelectMany(l => l.ReadingPaths))
        {
            var steps = source.Steps
                .Select(step => new ReadingStep(
                    string.Join(" / ", step),
                    [.. step.Select(name => Find(source.ListId, name, names, ids, source.Location, diagnostics)).OfType<string>()]))
                .ToImmutableArray();
            paths.Add(new ReadingPath(source.Title, source.ListId, source.Location, steps));
        }

        foreach (var declared in settings.ReadingPaths)
        {
            var steps = declared.Steps
                .Select(step => new ReadingStep(step, [.. NamesOf(step)
                    .Select(name => Find("", name, names, ids, null, diagnostics)).OfType<string>()]))
                .ToImmutableArray();
            paths.Add(new ReadingPath(declared.Title, "site", null, steps));
        }

        return paths.ToImmutable();
    }

    /// <summary>Every name the reading paths look papers up by, in the lists and in site.yml.</summary>
    internal static IEnumerable<string> StepNames(IEnumerable<ListReading> lists, SiteSettings settings) =>
        lists.SelectMany(l => l.ReadingPaths).SelectMany(p => p.Steps).SelectMany(step => step)
            .Concat(settings.ReadingPaths.SelectMany(p => p.Steps).SelectMany(NamesOf));

    /// <summary>A site.yml step names one paper, or several separated by '/'.</summary>
    private static string[] NamesOf(string declaredStep) => declaredStep.Split('/', StringSplitOptions.TrimEntries);

    private static string? Find(string listId, string name, NameIndex names, HashSet<string> ids, SourceLocation? location, DiagnosticBag diagnostics)
    {
        var id = ArxivId.TryParse(name, out var arxiv) && ids.Contains(arxiv) ? arxiv : names.Find(listId, name);
        if (id is null)
        {
            diagnostics.Warning(DiagnosticCodes.UnresolvedPathStep, location ?? SourceLocation.StartOf("site.yml"),
                $"the reading-path step '{name}' matches no paper", "use a paper's nickname, title or arXiv id");
        }

        return id;
    }
}
