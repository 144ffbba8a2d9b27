using System.Collections.Concurrent;
using PaperAtlas.Diagnostics;
using PaperAtlas.Incremental;
using PaperAtlas.Load;
using PaperAtlas.Metadata;
using PaperAtlas.Normalise;
using PaperAtlas.Read;
using PaperAtlas.Render;
using PaperAtlas.Search;
using PaperAtlas.Write;

namespace PaperAtlas;

/// <summary>
/// Runs the pipeline in order — Load → Read → Normalise → Graph → page models → Render → Write — timing each stage.
/// <see cref="Analyse(string, int?, bool)"/> stops after the graph (what <c>atlas check</c> needs); a build goes on to write
/// the site, and refuses to when any diagnostic is an error. <c>atlas build</c> runs it once; <c>atlas serve</c> runs
/// the same stages after every edit with a <see cref="BuildCache"/>, which keeps what the build before made (readings,
/// papers, layouts, page models), so that only the pages whose model changed are rendered and only changed files written.
/// </summary>
public sealed class SiteBuilder(BuildOptions options, BuildCache? cache = null, BuildProgress? progress = null)
{
    /// <param name="drafts">Whether lists and paper files that say `draft: true` are read into the graph; when not, each is an info diagnostic.</param>
    public static Analysis Analyse(string contentPath, int? maxParallelism = null, bool drafts = false) =>
        new SiteBuilder(new BuildOptions(contentPath, "", MaxParallelism: maxParallelism, Drafts: drafts)).Analyse(new StageClock(), null);

    /// <param name="progress">Told of each stage as it starts and of each page written, for a progress line.</param>
    public static BuildResult Build(BuildOptions options, BuildProgress? progress = null) => new SiteBuilder(options, progress: progress).Build();

    /// <summary>
    /// Builds the site. The first build (and every build without a cache) writes a staging folder swapped in whole;
    /// with a cache, later builds replace in place the files whose bytes changed.
    /// </summary>
    /// <param name="changedFiles">The content-relative paths a watcher saw change; null looks at every file.</param>
    /// <param name="themeChanged">Reads the theme again and renders every page.</param>
    public BuildResult Build(IReadOnlyCollection<string>? changedFiles = null, bool themeChanged = false)
    {
        var clock = new StageClock(progress);
        var analysis = Analyse(clock, changedFiles);
        if (cache?.Site is not null && !cache.ContentChanged && !themeChanged)
        {
            return new BuildResult(analysis, Written: true, Files: 0, analysis.Timings) { Changed = false };
        }

        ReleaseGarbage(analysis.Graph.Papers.Length);
        if (analysis.HasErrors)
        {
            return new BuildResult(analysis, Written: false, Files: 0, analysis.Timings);
        }

        var diagnostics = new DiagnosticBag();
        var (theme, guide) = cache?.Theme is { } kept && !themeChanged ? kept : ThemeAndGuide(analysis.Content, diagnostics);
        var refusals = diagnostics.ToSortedList();
        if (theme is null || refusals.Count > 0)
        {
            var failed = analysis with { Diagnostics = [.. analysis.Diagnostics, .. refusals] };
            return new BuildResult(failed, Written: false, Files: 0, analysis.Timings);
        }

        if (cache is not null)
        {
            cache.Theme = (theme, guide);
        }

        var renderer = new SiteRenderer(analysis.Graph, analysis.Content.Settings, theme, options.BaseUrl, guide, cache?.Layouts);
        var inPlace = cache?.Site is not null && Directory.Exists(options.OutputPath);
        var (written, rendered, templateErrors) = inPlace
            ? WriteChanged(analysis, renderer, theme, clock, everything: themeChanged || !renderer.Site.Equals(cache!.Site))
            : WriteAll(analysis, renderer, theme, clock);
        if (templateErrors.Count > 0)
        {
            return new BuildResult(analysis with { Diagnostics = [.. analysis.Diagnostics, .. templateErrors] }, Written: false, Files: 0, analysis.Timings);
        }

        IReadOnlyList<StageTiming> timings = [.. clock.Timings];
        return new BuildResult(analysis with { Timings = timings }, Written: true, written, timings) { Rendered = rendered };
    }

    private Analysis Analyse(StageClock clock, IReadOnlyCollection<string>? changedFiles)
    {
        var parallel = options.Parallelism;
        var diagnostics = new DiagnosticBag();
        var content = clock.Time("load", () => cache?.Load(options.ContentPath, changedFiles, diagnostics) ?? ContentLoader.Load(options.ContentPath, diagnostics));
        var reading = clock.Time("read", () => ContentReader.ReadAll(content, diagnostics, parallel, options.Drafts, cache is null ? null : file => cache.Read(content, file)));
        ReleaseGarbage(reading.PaperFiles.Length);
        // The stored metadata is read from content/ like the rest, offline: a broken record is a diagnostic, never a failed build.
        var stored = clock.Time("metadata", () => MetadataStore.Load(options.ContentPath, diagnostics));
        cache?.Stored(stored);
        var graph = clock.Time("graph", () => Normaliser.Normalise(content, reading.Lists, reading.PaperFiles, diagnostics, parallel, cache, stored));
        // The warnings a maintainer accepted are info for every command: check, build and serve print the same.
        var (found, accepted) = AcceptedWarnings.Apply(options.ContentPath, diagnostics.ToSortedList());
        return new Analysis(content, reading.ListFiles, reading.PaperFileCount, graph, found, [.. clock.Timings]) { AcceptedWarnings = accepted };
    }

    /// <summary>The theme and the contributors' guide; a theme is refused (null) when the output may not be written.</summary>
    private (Theme? Theme, string? Guide) ThemeAndGuide(LoadedContent content, DiagnosticBag diagnostics)
    {
        var folder = ThemeFolder(options, content);
        var theme = cache?.Site is not null || OutputFolder.Check(options.OutputPath, content.ContentPath, folder, diagnostics)
            ? LoadTheme(options, content, diagnostics)
            : null;
        return (theme, theme is null ? null : ReadGuide(content, diagnostics));
    }

    /// <summary>Every file of the site, into a staging folder swapped in when all is written (as <c>atlas build</c> does).</summary>
    /// <returns>The files written and pages rendered; a template that failed leaves the staging folder unswapped and is in the errors.</returns>
    private (int Written, int Rendered, IReadOnlyList<Diagnostic> TemplateErrors) WriteAll(Analysis analysis, SiteRenderer renderer, Theme theme, StageClock clock)
    {
        var graph = analysis.Graph;
        using var output = new StagedOutput(options.OutputPath);
        var files = new ConcurrentBag<string>();
        var models = new ConcurrentBag<PageModel>();
        clock.Time("graph layout", renderer.LayoutGraph);

        // Pages go to disk as they are rendered, so memory holds no more than the pages in flight, and a large atlas
        // gives its rendering garbage back every so many pages rather than letting it pile up until the stage ends.
        var rendered = 0;
        void Write(string path, ReadOnlySpan<byte> bytes)
        {
            output.Write(path, bytes);
            progress?.PageWritten();
            if (Interlocked.Increment(ref rendered) % AtlasSize.CollectEveryPages == 0)
            {
                ReleaseGarbage(graph.Papers.Length);
            }
        }

        object Model(Page page)
        {
            var model = page.Model();
            if (cache is not null)
            {
                models.Add(new PageModel(page.Route.Path, page.Template, page.View, model));
                files.Add(page.Route.Path);
            }

            return model;
        }

        int SearchIndex() => WriteSearchIndex(graph, output.Write, cache is null ? null : files);
        int Exports() => WriteExports(renderer, output.WriteStream, cache is null ? null : files);
        int pages, others;
        if (AtlasSize.IsLarge(graph.Papers.Length))
        {
            // One stage after another, each one's garbage given back before the next: their memory must not add up.
            pages = clock.Time("render pages", () => renderer.RenderPages(renderer.Pages, Write, options.Parallelism, Model));
            ReleaseGarbage(graph.Papers.Length);
            others = clock.Time("search index", SearchIndex) + clock.Time("exports", Exports);
        }
        else
        {
            // The search index and the exports read only the graph: they are built while the pages render, on the CPU
            // time rendering leaves (its serial parts, its waits on the disk). Their stage times overlap render pages'.
            var side = new StageClock();
            var alongside = Task.Run(() => side.Time("search index", SearchIndex) + side.Time("exports", Exports));
            try
            {
                pages = clock.Time("render pages", () => renderer.RenderPages(renderer.Pages, Write, options.Parallelism, Model));
            }
            finally
            {
                // Never leave it writing into a staging folder that a failed build is about to delete.
                ((IAsyncResult)alongside).AsyncWaitHandle.WaitOne();
            }

            others = alongside.GetAwaiter().GetResult();
            foreach (var timing in side.Timings)
            {
                clock.Add(timing);
            }
        }

        if (theme.TakeRenderErrors() is { Count: > 0 } templateErrors)
        {
            return (0, pages, templateErrors);
        }

        clock.Time("swap", output.Commit);
        progress?.PagesOnDisk([BuildProgress.EveryPage]);
        cache?.Wrote(renderer.Site, models, files.ToHashSet(StringComparer.Ordinal));
        return (pages + others, pages, []);
    }

    /// <summary>
    /// The site brought up to date in place: every page's model is made and compared with the one last written, and only
    /// pages whose model differs are rendered; the search index and the exports are made whole and written where their
    /// bytes differ; files no longer made are deleted. The edited files' papers' pages go first: they are what the
    /// person editing is looking at.
    /// </summary>
    /// <returns>
    /// The files written and pages rendered. When a template failed, the cache keeps the models of the build before, so
    /// the next build renders those pages again.
    /// </returns>
    private (int Written, int Rendered, IReadOnlyList<Diagnostic> TemplateErrors) WriteChanged(Analysis analysis, SiteRenderer renderer, Theme theme, StageClock clock, bool everything)
    {
        var output = new InPlaceOutput(options.OutputPath);
        var pages = renderer.Pages;
        var models = new PageModel[pages.Count];
        var edited = cache!.Edited.SelectMany(r => r.List?.Mentions.AsImmutableArray() ?? (r.Paper is { } file ? [file] : [])).ToHashSet(ReferenceEqualityComparer.Instance);
        var first = analysis.Graph.Papers.Where(p => p.Mentions.Any(edited.Contains)).Select(p => renderer.Routes.Paper(p.Slug).Path).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> Render(Func<Page, bool> include)
        {
            var changed = new ConcurrentDictionary<Page, object>(ReferenceEqualityComparer.Instance);
            Parallel.For(0, pages.Count, options.Parallelism, i =>
            {
                var page = pages[i];
                if (models[i] is null && include(page))
                {
                    models[i] = new PageModel(page.Route.Path, page.Template, page.View, page.Model());
                    if (everything || cache.Differs(models[i]))
                    {
                        changed[page] = models[i].Model;
                    }
                }
            });
            renderer.RenderPages(changed.Keys, output.Write, options.Parallelism, page => changed[page]);
            return [.. changed.Keys.Select(p => p.Route.Url).Order(StringComparer.Ordinal)];
        }

        var editedPages = clock.Time("edited pages", () => Render(p => first.Contains(p.Route.Path)));
        progress?.PagesOnDisk(editedPages);
        var otherPages = clock.Time("render pages", () => Render(_ => true));
        var files = new ConcurrentBag<string>(pages.Select(p => p.Route.Path));
        clock.Time("search index", () => WriteSearchIndex(analysis.Graph, output.Write, files));
        clock.Time("exports", () => WriteExports(renderer, output.WriteStream, files));
        var produced = files.ToHashSet(StringComparer.Ordinal);
        var gone = cache.Files.Where(f => !produced.Contains(f)).ToList();
        clock.Time("delete", () => output.Delete(gone));
        // A page gone (a paper removed) is found by no URL here: every open page looks again.
        progress?.PagesOnDisk(everything || gone.Any(f => f.EndsWith(".html", StringComparison.Ordinal)) ? [BuildProgress.EveryPage] : otherPages);
        var rendered = editedPages.Count + otherPages.Count;
        if (theme.TakeRenderErrors() is { Count: > 0 } templateErrors)
        {
            return (output.Written, rendered, templateErrors);
        }

        cache.Wrote(renderer.Site, models, produced);
        return (output.Written, rendered, []);
    }

    private int WriteSearchIndex(Graph.PaperGraph graph, FileWriter write, ConcurrentBag<string>? files)
    {
        var index = SearchIndexBuilder.Build(graph, options.Parallelism, cache?.Scores);
        foreach (var file in index)
        {
            write(file.Path, file.Bytes);
            files?.Add(file.Path);
        }

        return index.Count;
    }

    private static int WriteExports(SiteRenderer renderer, Action<string, Action<Stream>> write, ConcurrentBag<string>? files)
    {
        var exports = renderer.Exports();
        foreach (var export in exports)
        {
            write(export.Path, export.Write);
            files?.Add(export.Path);
        }

        return exports.Count;
    }

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
        return Theme.Load(chosen || Directory.Exists(folder) ? folder : null, content.ContentPath, content.Settings.Language, diagnostics);
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
    /// Between stages a large atlas leaves gigabytes of garbage (Read's files and syntax trees, Render's pages) that the
    /// collector would carry into the next stage, and the peak memory is the sum: one compacting collection gives it back.
    /// </summary>
    private static void ReleaseGarbage(int papers)
    {
        if (AtlasSize.IsLarge(papers))
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }
}

/// <summary>What a build did: the analysis it stood on, whether it wrote the site, and how long each stage took.</summary>
/// <param name="Files">How many files it wrote (in place: those whose bytes changed).</param>
public sealed record BuildResult(Analysis Analysis, bool Written, int Files, IReadOnlyList<StageTiming> Timings)
{
    /// <summary>False when nothing the site is made from changed since the build before (with a cache), so nothing was done.</summary>
    public bool Changed { get; init; } = true;

    /// <summary>How many pages were rendered (in place: those whose model changed).</summary>
    public int Rendered { get; init; }
}
