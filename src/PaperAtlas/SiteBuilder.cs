using System.Collections.Immutable;
using PaperAtlas.Diagnostics;
using PaperAtlas.Load;
using PaperAtlas.Normalise;
using PaperAtlas.Read;
using PaperAtlas.Render;
using PaperAtlas.Search;
using PaperAtlas.Write;

namespace PaperAtlas;

/// <summary>
/// Runs the pipeline in order — Load → Read → Normalise/Graph → Render → Write — timing each stage.
/// <see cref="Analyse"/> stops after the graph (what <c>atlas check</c> needs); <see cref="Build"/> goes on
/// to write the site, and refuses to when any diagnostic is an error.
/// </summary>
public static class SiteBuilder
{
    /// <param name="keepDocuments">
    /// False lets the files' text and syntax trees go once read (a paper file's as soon as it is read): the graph holds
    /// all that rendering needs, and at 100,000 papers they are most of the live heap.
    /// </param>
    /// <param name="drafts">Whether lists and paper files that say `draft: true` are read into the graph; when not, each is an info diagnostic.</param>
    /// <param name="progress">Told of each stage as it starts.</param>
    public static Analysis Analyse(string contentPath, int? maxParallelism = null, bool keepDocuments = true, bool drafts = false, BuildProgress? progress = null)
    {
        var parallel = BuildOptions.ParallelismOf(maxParallelism);
        var clock = new StageClock(progress);
        var diagnostics = new DiagnosticBag();
        var content = clock.Time("load", () => ContentLoader.Load(contentPath, diagnostics, parallel, files: false));
        var (lists, paperFiles) = clock.Time("read", () =>
        {
            // Each file is read the moment it is parsed (see ContentLoader.LoadFiles).
            var listFiles = ContentLoader.LoadFiles(contentPath, DocumentKind.List, diagnostics, parallel,
                document => new LoadedFile<ListReading>(keepDocuments ? document : null, ListReader.Read(document, diagnostics)));
            var paperFiles = ContentLoader.LoadFiles(contentPath, DocumentKind.Paper, diagnostics, parallel,
                document => new LoadedFile<PaperMention>(keepDocuments ? document : null, PaperFileReader.Read(document, diagnostics)));
            if (!drafts)
            {
                listFiles = LeaveOutDrafts(listFiles, f => f.Reading?.List.Draft, diagnostics);
                paperFiles = LeaveOutDrafts(paperFiles, f => f.Reading?.Draft, diagnostics);
            }

            content = content with { Lists = Documents(listFiles), Papers = Documents(paperFiles) };
            return (listFiles.Select(f => f.Reading).OfType<ListReading>().ToList(), paperFiles.Select(f => f.Reading).OfType<PaperMention>().ToList());
        });
        if (!keepDocuments)
        {
            ReleaseGarbage(paperFiles.Count);
        }

        var graph = clock.Time("graph", () => Normaliser.Normalise(content, lists, paperFiles, diagnostics, parallel));
        return new Analysis(content, graph, diagnostics.ToSortedList(), clock.Timings);
    }

    /// <summary>The files that are no drafts; each draft left out is an info diagnostic at its `draft: true`.</summary>
    private static ImmutableArray<T> LeaveOutDrafts<T>(ImmutableArray<T> files, Func<T, SourceLocation?> draft, DiagnosticBag diagnostics)
    {
        foreach (var location in files.Select(draft).OfType<SourceLocation>())
        {
            diagnostics.Info(DiagnosticCodes.DraftLeftOut, location, "a draft: left out of the site",
                "`atlas serve` shows it; `atlas build --drafts` builds it; remove `draft: true` to publish it");
        }

        return [.. files.Where(f => draft(f) is null)];
    }

    /// <summary>A file as Read made it, and the file itself when the caller keeps it.</summary>
    private sealed record LoadedFile<T>(SourceDocument? Document, T? Reading)
        where T : class;

    private static ImmutableArray<SourceDocument> Documents<T>(ImmutableArray<LoadedFile<T>> files)
        where T : class => [.. files.Select(f => f.Document).OfType<SourceDocument>()];

    /// <summary>
    /// The site's own theme folder: --templates, else site.yml's `templates` (beside content/), else templates/ beside
    /// content/. Its files override the built-in theme's; the first two must exist, templates/ may not.
    /// </summary>
    public static string ThemeFolder(BuildOptions options, LoadedContent content)
    {
        if (options.TemplatesPath is { } explicitPath)
        {
            return explicitPath;
        }

        var parent = Path.GetDirectoryName(content.ContentPath.TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        return Path.Combine(parent, content.Settings.Templates ?? "templates");
    }

    /// <summary>The built-in theme with the site's own theme folder (<see cref="ThemeFolder"/>) over it; null, with errors, when it is refused.</summary>
    public static Theme? LoadTheme(BuildOptions options, LoadedContent content, DiagnosticBag diagnostics)
    {
        var folder = ThemeFolder(options, content);
        var chosen = options.TemplatesPath is not null || content.Settings.Templates is not null;
        return Theme.Load(chosen || Directory.Exists(folder) ? folder : null, content.ContentPath, content.Settings.Languages.FirstOrDefault() ?? "en", diagnostics);
    }

    /// <summary>
    /// The contributors' guide, CONTRIBUTING.md beside content/, published as /contribute/; null when there is none, or
    /// (with an error) when it is a link: a pull request could point it anywhere.
    /// </summary>
    public static string? ReadGuide(LoadedContent content, DiagnosticBag diagnostics)
    {
        var folder = Path.GetDirectoryName(content.ContentPath.TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        var shown = Path.GetDirectoryName(content.DisplayRoot.TrimEnd('/')) is { Length: > 0 } parent ? parent.Replace('\\', '/') : ".";
        return ContentFiles.IsPlainFile(folder, "CONTRIBUTING.md", shown, diagnostics) ? File.ReadAllText(Path.Combine(folder, "CONTRIBUTING.md")) : null;
    }

    /// <summary>From this many papers on, memory matters more than a second of build time.</summary>
    private const int LargeAtlas = 20_000;

    /// <summary>How many pages a large atlas renders between collections (measured at 100,000 papers: 20,000 let RSS reach 2 GB).</summary>
    private const int CollectEveryPages = 10_000;

    /// <summary>
    /// Between stages a large atlas leaves gigabytes of garbage (Load's files and syntax trees, Render's pages) that the
    /// collector would carry into the next stage, and the peak memory is the sum. One compacting collection costs
    /// about a second at 100,000 papers and gives the memory back; a small atlas skips it.
    /// </summary>
    private static void ReleaseGarbage(int papers)
    {
        if (papers >= LargeAtlas)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <param name="progress">Told of each stage as it starts and of each page written, for a progress line.</param>
    public static BuildResult Build(BuildOptions options, BuildProgress? progress = null)
    {
        var analysis = Analyse(options.ContentPath, options.MaxParallelism, keepDocuments: false, options.Drafts, progress);
        ReleaseGarbage(analysis.Graph.Papers.Length);
        if (analysis.HasErrors)
        {
            return new BuildResult(analysis, Written: false, Files: 0, analysis.Timings);
        }

        var clock = new StageClock(progress);
        var diagnostics = new DiagnosticBag();
        var themeFolder = ThemeFolder(options, analysis.Content);
        var theme = OutputFolder.Check(options.OutputPath, analysis.Content.ContentPath, themeFolder, diagnostics)
            ? LoadTheme(options, analysis.Content, diagnostics)
            : null;
        var guide = theme is null ? null : ReadGuide(analysis.Content, diagnostics);
        var refusals = diagnostics.ToSortedList();
        if (theme is null || refusals.Count > 0)
        {
            var failed = analysis with { Diagnostics = [.. analysis.Diagnostics, .. refusals] };
            return new BuildResult(failed, Written: false, Files: 0, analysis.Timings);
        }

        var renderer = new SiteRenderer(analysis.Graph, analysis.Content.Settings, theme, options.BaseUrl, guide);
        using var output = new StagedOutput(options.OutputPath);

        clock.Time("graph layout", renderer.LayoutGraph);

        // Pages go to disk as they are rendered, so memory holds no more than the pages in flight, and a large atlas
        // gives its rendering garbage back every so many pages rather than letting it pile up until the stage ends.
        var written = 0;
        void Write(string path, ReadOnlySpan<byte> bytes)
        {
            output.Write(path, bytes);
            progress?.PageWritten();
            if (Interlocked.Increment(ref written) % CollectEveryPages == 0)
            {
                ReleaseGarbage(analysis.Graph.Papers.Length);
            }
        }

        int SearchIndex()
        {
            var index = SearchIndexBuilder.Build(analysis.Graph, options.Parallelism);
            foreach (var file in index)
            {
                output.Write(file.Path, file.Bytes);
            }

            return index.Count;
        }

        int Exports()
        {
            // The whole-atlas exports are the largest files (hundreds of MB at 100,000 papers): streamed, not held.
            output.WriteStream("papers.json", stream => PapersJson.Write(analysis.Graph, stream));
            output.WriteStream("papers.bib", stream => Bibtex.Write(analysis.Graph, stream));
            return 2 + renderer.RenderExports(output.Write);
        }

        int files;
        if (analysis.Graph.Papers.Length >= LargeAtlas)
        {
            // One stage after another, each one's garbage given back before the next: their memory must not add up.
            files = clock.Time("render pages", () => renderer.RenderPages(Write, options.Parallelism));
            ReleaseGarbage(analysis.Graph.Papers.Length);
            files += clock.Time("search index", SearchIndex);
            files += clock.Time("exports", Exports);
        }
        else
        {
            // The search index and the exports read only the graph: they are built while the pages render, on the CPU
            // time rendering leaves (its serial parts, its waits on the disk): 10k build 11.5 -> 10 s. Their stage times
            // overlap render pages', and each stage's CPU column counts the whole process.
            var side = new StageClock();
            var alongside = Task.Run(() => side.Time("search index", SearchIndex) + side.Time("exports", Exports));
            try
            {
                files = clock.Time("render pages", () => renderer.RenderPages(Write, options.Parallelism));
            }
            finally
            {
                // Never leave it writing into a staging folder that a failed build is about to delete.
                ((IAsyncResult)alongside).AsyncWaitHandle.WaitOne();
            }

            files += alongside.GetAwaiter().GetResult();
            foreach (var timing in side.Timings)
            {
                clock.Add(timing);
            }
        }

        if (theme.TakeRenderErrors() is { Count: > 0 } templateErrors)
        {
            return new BuildResult(analysis with { Diagnostics = [.. analysis.Diagnostics, .. templateErrors] }, Written: false, Files: 0, analysis.Timings);
        }

        clock.Time("swap", output.Commit);
        return new BuildResult(analysis, Written: true, files, [.. analysis.Timings, .. clock.Timings]);
    }
}

/// <summary>What a build did: the analysis it stood on, whether it wrote the site, and how long each stage took.</summary>
public sealed record BuildResult(Analysis Analysis, bool Written, int Files, IReadOnlyList<StageTiming> Timings);
