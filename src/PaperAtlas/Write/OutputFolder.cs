using PaperAtlas.Diagnostics;

namespace PaperAtlas.Write;

/// <summary>
/// A build replaces its output folder whole, so the output must never be the source: it may not be, hold or lie inside
/// the content folder, the theme or the repository (its root or <c>.git</c>), and a folder already there is replaced
/// only when a build of ours made it (it holds <see cref="MarkerName"/>) or it is empty.
/// </summary>
public static class OutputFolder
{
    /// <summary>The file every built site holds, so that the next build knows the folder is one it may replace.</summary>
    public const string MarkerName = ".atlas-site";

    public static readonly byte[] MarkerText = "A site built by atlas: `atlas build` replaces this folder whole.\n"u8.ToArray();

    /// <summary>True when <paramref name="output"/> may be written (and replaced); otherwise reports why not.</summary>
    public static bool Check(string output, string contentPath, string? themeFolder, DiagnosticBag diagnostics)
    {
        var location = SourceLocation.StartOf(output.Replace('\\', '/'));
        var real = Folders.RealPath(output);
        var repository = Folders.RepositoryRoot(contentPath);
        var sources = new List<(string Folder, string What)> { (contentPath, "the content folder") };
        if (themeFolder is not null)
        {
            sources.Add((themeFolder, "the theme folder"));
        }

        foreach (var (folder, what) in sources)
        {
            if (Folders.Overlap(real, folder))
            {
                Refuse(diagnostics, location, $"the output folder is, holds or lies inside {what} ({Folders.RealPath(folder)}); building would delete it");
                return false;
            }
        }

        if (repository is not null
            && (Folders.IsSameOrInside(repository, real) || Folders.IsSameOrInside(real, Path.Combine(repository, ".git"))))
        {
            Refuse(diagnostics, location, $"the output folder is, or holds, the repository ({repository}) or lies inside its .git; building would delete it");
            return false;
        }

        if (File.Exists(real))
        {
            Refuse(diagnostics, location, "the output is a file, not a folder");
            return false;
        }

        if (!MayReplace(real))
        {
            diagnostics.Error(DiagnosticCodes.OutputNotOurs, location,
                $"the output folder exists and no build of atlas made it (it has no {MarkerName} file), so it is not replaced",
                "choose an empty or new --output folder, or delete this one yourself if it is an old site");
            return false;
        }

        return true;
    }

    /// <summary>True when nothing is there, or the folder is empty, or a build of ours made it: the one rule for replacing a folder.</summary>
    public static bool MayReplace(string folder) =>
        !Directory.Exists(folder) || File.Exists(Path.Combine(folder, MarkerName)) || IsEarlierSite(folder) || !Directory.EnumerateFileSystemEntries(folder).Any();

    /// <summary>A site built before sites carried the marker: it has the files every atlas writes, and nothing else would.</summary>
    private static bool IsEarlierSite(string folder) =>
        EarlierSiteFiles.All(file => new FileInfo(Path.Combine(folder, file)) is { Exists: true, LinkTarget: null });

    private static readonly string[] EarlierSiteFiles = ["index.html", "papers.json", "papers.bib", "assets/site.js", "assets/search.js", "search/index.html"];

    private static void Refuse(DiagnosticBag diagnostics, SourceLocation location, string message) =>
        diagnostics.Error(DiagnosticCodes.OutputOverSource, location, message, "write the site to a folder of its own, e.g. --output site");
}
