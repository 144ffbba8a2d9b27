using System.Collections.Concurrent;
using System.Collections.Immutable;
using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using PaperAtlas.Load;
using PaperAtlas.Normalise;
using PaperAtlas.Read;
using PaperAtlas.Render;
using PaperAtlas.Write;

namespace PaperAtlas.Incremental;

/// <summary>What one rebuild of an <see cref="IncrementalSite"/> did.</summary>
/// <param name="Changed">False when nothing on disk changed since the last rebuild, so there is nothing to reload.</param>
/// <param name="Full">Whether every page was rendered (first build, theme or settings change, or a far-reaching edit).</param>
/// <param name="Rendered">How many pages and files were rendered; <see cref="BuildResult.Files"/> counts those whose bytes changed.</param>
public sealed record IncrementalBuildResult(BuildResult Build, bool Changed, bool Full, int Rendered);

/// <summary>
/// The site as <c>atlas serve</c> keeps it: built once like <c>atlas build</c>, then after each edit brought up to date
/// by loading only the changed files, re-normalising only when the edit can change the graph, rendering only the
/// pages that show what changed, and writing only the files whose bytes changed. The output is always what a full
/// build of the same content writes; content with errors leaves the last good site in place.
/// </summary>
public sealed class IncrementalSite(BuildOptions options)
{
    private static readonly ImmutableHashSet<string> FileOnlyFields = ["Note", "Authors", "Venue", "Links"];
    private static readonly ImmutableHashSet<string> FileOnlyFieldsAndTitle = FileOnlyFields.Add("Title");

    private readonly ContentCache _content = new(options.ContentPath);
    private readonly IncrementalSearchIndex _search = new();
    private readonly ExportFragments _exports = new();
    private HashSet<string> _searchFiles = new(StringComparer.Ordinal);
    private Theme? _theme;
    private string? _guide;

    // The last site written: its graph (and the renderer of it), the normaliser's diagnostics, and the settings it used.
    private PaperGraph? _graph;
    private SiteRenderer? _renderer;
    private IReadOnlyList<Diagnostic> _graphDiagnostics = [];
    private SiteSettings? _settings;

    /// <summary>The Content-Security-Policy of the pages as last loaded, for a server to send as a header too.</summary>
    public string ContentSecurityPolicy => Render.ContentSecurityPolicy.For(_content.Settings);

    /// <summary>The theme folder as <c>atlas build</c> finds it (--templates, site.yml's `templates`, templates/), once a rebuild has loaded the content.</summary>
    public string ThemeFolder { get; private set; } = "";

    /// <summary>
    /// Rebuilds. <paramref name="changedContentFiles"/> are content-relative paths a watcher saw change (null: look at
    /// every file); <paramref name="themeChanged"/> renders every page with the templates read again.
    /// </summary>
    public IncrementalBuildResult Update(IReadOnlyCollection<string>? changedContentFiles = null, bool themeChanged = false)
    {
        var clock = new StageClock();
        var parallel = options.Parallelism;
        var first = _graph is null;
        var change = clock.Time("load", () => _content.Refresh(first ? null : changedContentFiles, parallel));
        if (!first && !themeChanged && change.IsEmpty)
        {
            var same = new Analysis(_content.Content, _graph!, [], clock.Timings);
            return new IncrementalBuildResult(new BuildResult(same, Written: true, 0, clock.Timings), Changed: false, Full: false, 0);
        }

        var content = _content.Content;
        ThemeFolder = SiteBuilder.ThemeFolder(options, content);
        var (graph, graphDiagnostics) = clock.Time("graph", () => Shortcut(change, content.Settings) ?? Normalise(content));
        var diagnostics = clock.Time("diagnostics", () =>
        {
            var bag = new DiagnosticBag();
            foreach (var diagnostic in _content.Diagnostics.Concat(graphDiagnostics))
            {
                bag.Add(diagnostic);
            }

            return bag.ToSortedList();
        });
        var analysis = new Analysis(content, graph, diagnostics, clock.Timings);
        if (analysis.HasErrors)
        {
            return Failed(analysis, clock);
        }

        if (_theme is null || themeChanged)
        {
            var themeDiagnostics = new DiagnosticBag();
            _theme = first && !OutputFolder.Check(options.OutputPath, content.ContentPath, ThemeFolder, themeDiagnostics) ? null : SiteBuilder.LoadTheme(options, content, themeDiagnostics);
            _guide = _theme is null ? null : SiteBuilder.ReadGuide(content, themeDiagnostics);
            if (_theme is null || themeDiagnostics.ToSortedList().Count > 0)
            {
                _theme = null;
                return Failed(analysis with { Diagnostics = [.. analysis.Diagnostics, .. themeDiagnostics.ToSortedList()] }, clock);
            }
        }

        var renderer = new SiteRenderer(graph, content.Settings, _theme, options.BaseUrl, _guide);
        var full = first || themeChanged || !ReferenceEquals(_settings, content.Settings);
        var output = first ? null : new InPlaceOutput(options.OutputPath);

        // The edited papers' own pages are what the person editing is looking at: they go to disk before the comparison
        // of the two graphs that finds every other page to render (a third of a second at 10,000 papers).
        var edited = full || output is null ? [] : clock.Time("edited pages", () => WriteEditedPages(graph, renderer, change, output));
        var changes = full ? SiteChanges.All : clock.Time("changes", () => SiteChanges.Between(_graph!, _renderer!, graph, renderer));
        var (written, rendered) = output is null ? WriteStaged(graph, renderer, clock) : WriteInPlace(graph, renderer, changes, clock, output, edited);
        (_graph, _renderer, _graphDiagnostics, _settings) = (graph, renderer, graphDiagnostics, content.Settings);
        if (_theme.TakeRenderErrors() is { Count: > 0 } templateErrors)
        {
            return Failed(analysis with { Diagnostics = [.. analysis.Diagnostics, .. templateErrors] }, clock);
        }

        var timings = clock.Timings;
        return new IncrementalBuildResult(new BuildResult(analysis with { Timings = timings }, Written: true, written, timings), Changed: true, changes.Everything, rendered);
    }

    private static IncrementalBuildResult Failed(Analysis analysis, StageClock clock) =>
        new(new BuildResult(analysis, Written: false, 0, clock.Timings), Changed: true, Full: false, 0);

    private (PaperGraph, IReadOnlyList<Diagnostic>) Normalise(LoadedContent content)
    {
        var diagnostics = new DiagnosticBag();
        var graph = Normaliser.Normalise(content, _content.Lists, _content.PaperFiles, diagnostics, options.Parallelism);
        return (graph, diagnostics.ToSortedList());
    }

    /// <summary>
    /// Normalising ten thousand papers takes most of a second. An edit to paper files that touches only their notes,
    /// authors, venue or links cannot move a paper between groups, topics, years or relations, nor change a
    /// diagnostic of the graph: those papers are rebuilt in place and the rest of the graph is kept. An arXiv paper's
    /// file may change its title too, when the title reaches no other paper (<see cref="TitleEdits"/>): its title,
    /// nicknames and title-conflict warnings are chosen again.
    /// </summary>
    private (PaperGraph, IReadOnlyList<Diagnostic>)? Shortcut(ContentChange change, SiteSettings settings)
    {
        if (_graph is null || change.SettingsChanged || change.Files.Count == 0)
        {
            return null;
        }

        var replaced = new List<Paper>();
        var retitled = new List<(Paper Before, Paper After, PaperMention OldFile, PaperMention NewFile)>();
        var titleWarnings = new DiagnosticBag();
        foreach (var (old, now) in change.Files)
        {
            if (old?.Paper is not { } before || now?.Paper is not { } after)
            {
                return null;
            }

            var fileOnly = DeepEquality.Equal(before, after, ignore: FileOnlyFields);
            if (!fileOnly && !DeepEquality.Equal(before, after, ignore: FileOnlyFieldsAndTitle))
            {
                return null;
            }

            // The paper file's mention sorts first among its paper's mentions; one dropped as a duplicate is nowhere.
            var paper = replaced.FirstOrDefault(p => p.Mentions.Contains(before, ReferenceEqualityComparer.Instance))
                        ?? _graph.Papers.FirstOrDefault(p => !p.Mentions.IsEmpty && ReferenceEquals(p.Mentions[0], before));
            if (paper is null || (!fileOnly && paper.ArxivId is null))
            {
                return null;
            }

            replaced.Remove(paper);
            var rebuilt = fileOnly ? Normaliser.WithPaperFile(paper, before, after) : Normaliser.WithRetitledPaperFile(paper, before, after, titleWarnings);
            replaced.Add(rebuilt);
            if (!fileOnly)
            {
                retitled.Add((paper, rebuilt, before, after));
            }
        }

        if (retitled.Count == 0)
        {
            return (_graph.WithPapersReplaced(replaced), _graphDiagnostics);
        }

        if (!TitleEdits.ReachOnlyTheirPaper(retitled, _content.Lists, _content.PaperFiles, settings))
        {
            return null;
        }

        // The retitled papers' title-conflict warnings (at their mentions) are replaced by the ones just made.
        var mentions = retitled.SelectMany(r => r.Before.Mentions).Select(m => m.Location).ToHashSet();
        IReadOnlyList<Diagnostic> diagnostics =
        [
            .. _graphDiagnostics.Where(d => d.Code != DiagnosticCodes.TitleConflict || !mentions.Contains(d.Location)),
            .. titleWarnings.ToSortedList(),
        ];
        return (_graph.WithPapersReplaced(replaced), diagnostics);
    }

    /// <summary>The first build: everything, into a staging folder swapped in at the end, as <c>atlas build</c> does.</summary>
    private (int Written, int Rendered) WriteStaged(PaperGraph graph, SiteRenderer renderer, StageClock clock)
    {
        using var output = new StagedOutput(options.OutputPath);
        var files = clock.Time("render pages", () => renderer.RenderPages(output.Write, options.Parallelism));
        var index = clock.Time("search index", () => _search.Update(graph, changed: null));
        foreach (var file in index)
        {
            output.Write(file.Path, file.Bytes);
        }

        _searchFiles = index.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        files += index.Count;
        files += clock.Time("exports", () =>
        {
            _exports.Update(graph, changed: null);
            output.WriteStream("papers.json", stream => _exports.WritePapersJson(graph, stream));
            output.WriteStream("papers.bib", stream => _exports.WritePapersBib(graph, stream));
            return 2 + renderer.RenderExports(output.Write);
        });
        clock.Time("swap", output.Commit);
        return (files, files);
    }

    /// <summary>Renders the pages of the papers whose files changed; returns their paths.</summary>
    private HashSet<string> WriteEditedPages(PaperGraph graph, SiteRenderer renderer, ContentChange change, InPlaceOutput output)
    {
        var mentions = change.Files.Select(f => f.New?.Paper).OfType<object>().ToHashSet(ReferenceEqualityComparer.Instance);
        var pages = graph.Papers
            .Where(p => p.Mentions.Any(mentions.Contains))
            .Select(p => $"papers/{p.Slug}/index.html")
            .ToHashSet(StringComparer.Ordinal);
        if (pages.Count > 0)
        {
            renderer.RenderPages(output.Write, options.Parallelism, pages.Contains);
        }

        return pages;
    }

    private (int Written, int Rendered) WriteInPlace(
        PaperGraph graph, SiteRenderer renderer, SiteChanges changes, StageClock clock, InPlaceOutput output, HashSet<string> written)
    {
        var produced = new ConcurrentBag<string>(written);
        void Write(string path, ReadOnlySpan<byte> bytes)
        {
            produced.Add(path);
            output.Write(path, bytes);
        }

        var rendered = written.Count + clock.Time("render pages", () =>
        {
            // The edited papers' own pages first (those of papers whose files changed are written already).
            var own = changes.ChangedPapers.Select(id => $"papers/{graph.Find(id)!.Slug}/index.html").Where(p => !written.Contains(p)).ToHashSet(StringComparer.Ordinal);
            return renderer.RenderPages(Write, options.Parallelism, own.Contains)
                + renderer.RenderPages(Write, options.Parallelism, p => changes.Renders(p) && !own.Contains(p) && !written.Contains(p));
        });
        rendered += clock.Time("search index", () =>
        {
            var index = _search.Update(graph, changes.Everything ? null : changes.ChangedPapers);
            var paths = index.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);

            // Index files are named by their content's hash: a name already written holds these bytes.
            foreach (var file in index.Where(f => !_searchFiles.Contains(f.Path) || f.Path.EndsWith("/manifest.json", StringComparison.Ordinal)))
            {
                Write(file.Path, file.Bytes);
            }

            output.DeleteExcept("search/index", p => paths.Contains(p));
            _searchFiles = paths;
            return index.Count;
        });
        rendered += clock.Time("exports", () =>
        {
            var count = 0;
            if (changes.Everything || changes.ChangedPapers.Count > 0)
            {
                _exports.Update(graph, changes.Everything ? null : changes.ChangedPapers);
                produced.Add("papers.json");
                produced.Add("papers.bib");
                output.WriteStream("papers.json", stream => _exports.WritePapersJson(graph, stream));
                output.WriteStream("papers.bib", stream => _exports.WritePapersBib(graph, stream));
                count += 2;
            }

            return count + renderer.RenderExports(Write, p => changes.Everything || (changes.FeedAndSitemap && p is "feed.xml" or "sitemap.xml"));
        });
        if (changes.Everything)
        {
            // Every file was produced again: whatever else is in the output belongs to pages that are gone.
            var keep = produced.Concat(_searchFiles).ToHashSet(StringComparer.Ordinal);
            clock.Time("delete", () => output.DeleteExcept("", keep.Contains));
        }

        return (output.Written, rendered);
    }
}
