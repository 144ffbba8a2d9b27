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
    public static Analysis Analyse(string contentPath, int? maxParallelism = null)
    {
        var parallel = BuildOptions.ParallelismOf(maxParallelism);
        var clock = new StageClock();
        var diagnostics = new DiagnosticBag();
        var content = clock.Time("load", () => ContentLoader.Load(contentPath, diagnostics));
        var reading = clock.Time("read", () => ContentReader.ReadAll(content, diagnostics, parallel));
        ReleaseGarbage(reading.PaperFiles.Length);
        var graph = clock.Time("graph", () => Normaliser.Normalise(content, reading.Lists, reading.PaperFiles, diagnostics, parallel));
        return new Analysis(content, reading.ListFiles, reading.PaperFileCount, graph, diagnostics.ToSortedList(), clock.Timings);
    }

    /// <summary>The theme: --templates, else site.yml's `templates` (beside content/), else templates/ beside content/.</summary>
    public static string ThemeFolder(BuildOptions options, LoadedContent content)
    {
        if (options.TemplatesPath is { } explicitPath)
        {
            return explicitPath;
        }

        var parent = Path.GetDirectoryName(content.ContentPath.TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        return Path.Combine(parent, content.Settings.Templates ?? "templates");
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

    /// <summary>
    /// Between stages a large atlas leaves gigabytes of garbage (Load's files and syntax trees, Render's pages) that the
    /// collector would carry into the next stage, and the peak memory is the sum. One compacting collection costs
    /// about a second at 100,000 papers and gives the memory back; a small atlas skips it.
    /// </summary>
    private static void ReleaseGarbage(int papers)
    {
        if (AtlasSize.IsLarge(papers))
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    public static BuildResult Build(BuildOptions options)
    {
        var analysis = Analyse(options.ContentPath, options.MaxParallelism);
        ReleaseGarbage(analysis.Graph.Papers.Length);
        if (analysis.HasErrors)
        {
            return new BuildResult(analysis, Written: false, Files: 0, analysis.Timings);
        }

        var clock = new StageClock();
        var diagnostics = new DiagnosticBag();
        var themeFolder = ThemeFolder(options, analysis.Content);
        var theme = OutputFolder.Check(options.OutputPath, analysis.Content.ContentPath, themeFolder, diagnostics)
            ? Theme.Load(themeFolder, analysis.Content.ContentPath, analysis.Content.Settings.Language, diagnostics)
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
            if (Interlocked.Increment(ref written) % AtlasSize.CollectEveryPages == 0)
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
        if (AtlasSize.IsLarge(analysis.Graph.Papers.Length))
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

        clock.Time("swap", output.Commit);
        return new BuildResult(analysis, Written: true, files, [.. analysis.Timings, .. clock.Timings]);
    }
}

/// <summary>What a build did: the analysis it stood on, whether it wrote the site, and how long each stage took.</summary>
public sealed record BuildResult(Analysis Analysis, bool Written, int Files, IReadOnlyList<StageTiming> Timings);
