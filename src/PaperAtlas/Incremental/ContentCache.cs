using System.Collections.Immutable;
using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using PaperAtlas.Load;
using PaperAtlas.Read;

namespace PaperAtlas.Incremental;

/// <summary>One content file as last loaded and read, with the diagnostics that loading and reading it gave.</summary>
internal sealed record CachedFile(
    string RelativePath, long Length, DateTime Modified, string? Text, SourceDocument? Document,
    ListReading? List, PaperMention? Paper, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>What changed on disk since the last refresh: files (old and new entry; null for absent) and the settings files.</summary>
internal sealed record ContentChange(IReadOnlyList<(CachedFile? Old, CachedFile? New)> Files, bool SettingsChanged)
{
    public bool IsEmpty => Files.Count == 0 && !SettingsChanged;
}

/// <summary>
/// Load and Read, file by file, remembered between rebuilds: loading all of content/ takes seconds at ten thousand
/// papers (mostly YAML), so a rebuild re-reads only files whose size, time or text changed. Everything it hands on is
/// what <see cref="ContentLoader"/> and the readers give for the same files, in the same order.
/// </summary>
internal sealed class ContentCache
{
    private const string SiteFile = "site.yml";
    private const string TopicsFile = "topics.yml";

    private readonly string _path;
    private readonly string _root;
    private readonly string _display;
    private readonly SortedDictionary<string, CachedFile> _files = new(StringComparer.Ordinal);
    private (long, DateTime, long, DateTime)? _settingsStamp;
    private IReadOnlyList<Diagnostic> _settingsDiagnostics = [];
    private IReadOnlyList<Diagnostic> _scanDiagnostics = [];

    public ContentCache(string contentPath)
    {
        _path = contentPath;
        _root = Path.GetFullPath(contentPath);
        _display = ContentLoader.DisplayRoot(contentPath);
    }

    public SiteSettings Settings { get; private set; } = SiteSettings.Default;

    public ImmutableArray<Topic> Topics { get; private set; } = [];

    /// <summary>
    /// Brings the cache up to date with the disk. <paramref name="hints"/> are the content-relative paths a file watcher
    /// saw change; null scans every file (its size and time), which costs tens of milliseconds at ten thousand papers.
    /// </summary>
    public ContentChange Refresh(IReadOnlyCollection<string>? hints, ParallelOptions parallel)
    {
        // A folder created, moved or deleted says nothing about which files: look at them all.
        if (hints is not null && hints.Any(h => Directory.Exists(Path.Combine(_root, h)) || _files.Keys.Any(k => k.StartsWith(h + "/", StringComparison.Ordinal))))
        {
            hints = null;
        }

        var settingsChanged = RefreshSettings(force: hints?.Contains(SiteFile) is true || hints?.Contains(TopicsFile) is true);
        var candidates = hints is null ? Scan() : hints.Where(IsContentFile).Distinct().Select(h => (h, Stat(h))).ToList();
        var results = new (CachedFile? Old, CachedFile? New)[candidates.Count];
        Parallel.For(0, candidates.Count, parallel, i =>
        {
            var (relative, stat) = candidates[i];
            var old = _files.GetValueOrDefault(relative);
            if (stat is null)
            {
                results[i] = (old, null);
            }
            else if (old is not null && hints is null && old.Length == stat.Value.Length && old.Modified == stat.Value.Modified)
            {
                results[i] = (old, old);
            }
            else
            {
                results[i] = (old, LoadFile(relative, stat.Value, old));
            }
        });

        var changes = new List<(CachedFile? Old, CachedFile? New)>();
        foreach (var (old, now) in results)
        {
            if (now is null)
            {
                if (old is not null)
                {
                    _files.Remove(old.RelativePath);
                    changes.Add((old, null));
                }

                continue;
            }

            _files[now.RelativePath] = now;
            if (old is null || !ReferenceEquals(old.Document, now.Document) || !ReferenceEquals(old.Diagnostics, now.Diagnostics))
            {
                changes.Add((old, now));
            }
        }

        if (hints is null)
        {
            var seen = candidates.Select(c => c.Item1).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _files.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                changes.Add((_files[gone], null));
                _files.Remove(gone);
            }
        }

        return new ContentChange(changes, settingsChanged);
    }

    /// <summary>The content as <see cref="ContentLoader.Load"/> gives it: lists then papers, each in path order.</summary>
    public LoadedContent Content => new(
        _root,
        Settings,
        Topics,
        [.. Entries("lists/").Select(f => f.Document).OfType<SourceDocument>()],
        [.. Entries("papers/").Select(f => f.Document).OfType<SourceDocument>()]) { DisplayRoot = _display };

    public IReadOnlyList<ListReading> Lists => [.. Entries("lists/").Select(f => f.List).OfType<ListReading>()];

    public IReadOnlyList<PaperMention> PaperFiles => [.. Entries("papers/").Select(f => f.Paper).OfType<PaperMention>()];

    /// <summary>Every diagnostic of loading and reading, settings files included.</summary>
    public IEnumerable<Diagnostic> Diagnostics => _settingsDiagnostics.Concat(_scanDiagnostics).Concat(_files.Values.SelectMany(f => f.Diagnostics));

    private IEnumerable<CachedFile> Entries(string folder) =>
        _files.Values.Where(f => f.RelativePath.StartsWith(folder, StringComparison.Ordinal));

    /// <summary>A file the loader reads: *.md under lists/ or papers/ (editors' swap and backup files are not).</summary>
    private static bool IsContentFile(string relative) =>
        relative.EndsWith(".md", StringComparison.Ordinal)
        && (relative.StartsWith("lists/", StringComparison.Ordinal) || relative.StartsWith("papers/", StringComparison.Ordinal));

    /// <summary>site.yml and topics.yml are small: read again whenever either file's stamp moves, kept when they say the same.</summary>
    private bool RefreshSettings(bool force)
    {
        var stamp = (StampOf(SiteFile), StampOf(TopicsFile));
        var flat = (stamp.Item1.Length, stamp.Item1.Modified, stamp.Item2.Length, stamp.Item2.Modified);
        if (!force && _settingsStamp == flat)
        {
            return false;
        }

        var hadSettings = _settingsStamp is not null;
        _settingsStamp = flat;
        var bag = new DiagnosticBag();
        SiteSettings settings;
        ImmutableArray<Topic> topics;
        if (!Directory.Exists(_root))
        {
            // The loader's own words for a missing folder.
            ContentLoader.Load(_path, bag);
            (settings, topics) = (SiteSettings.Default, []);
        }
        else
        {
            settings = ContentLoader.LoadSettings(_root, _display, bag);
            topics = ContentLoader.LoadTopics(_root, _display, bag);
        }

        var diagnostics = bag.ToSortedList();
        var changed = !hadSettings || !DeepEquality.Equal(settings, Settings) || !DeepEquality.Equal(topics, Topics)
                      || !DeepEquality.Equal(diagnostics, _settingsDiagnostics);
        if (changed)
        {
            (Settings, Topics, _settingsDiagnostics) = (settings, topics, diagnostics);
        }

        return changed;
    }

    private (long Length, DateTime Modified) StampOf(string relative)
    {
        var info = new FileInfo(Path.Combine(_root, relative));
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, default);
    }

    private (long Length, DateTime Modified)? Stat(string relative)
    {
        var info = new FileInfo(Path.Combine(_root, relative));
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
    }

    /// <summary>Every *.md under lists/ and papers/, as the loader finds them (links and special files left out, and reported).</summary>
    private List<(string, (long Length, DateTime Modified)?)> Scan()
    {
        var bag = new DiagnosticBag();
        var found = new List<(string, (long, DateTime)?)>();
        foreach (var folder in new[] { "lists", "papers" })
        {
            foreach (var relative in ContentFiles.Find(_root, _display, folder, ".md", bag))
            {
                found.Add((relative, Stat(relative)));
            }
        }

        _scanDiagnostics = bag.ToSortedList();
        return found;
    }

    private CachedFile LoadFile(string relative, (long Length, DateTime Modified) stat, CachedFile? old)
    {
        var bag = new DiagnosticBag();
        var shown = ContentLoader.Shown(_display, relative);
        var text = ContentLoader.MayRead(_root, _display, relative, bag) ? ContentLoader.ReadText(Path.Combine(_root, relative), shown, bag) : null;
        if (old is not null && text is not null && text == old.Text)
        {
            // Saved without a change (or touched): keep every object, so nothing downstream sees a change.
            return old with { Length = stat.Length, Modified = stat.Modified };
        }

        var isList = relative.StartsWith("lists/", StringComparison.Ordinal);
        var document = text is null ? null : ContentLoader.Parse(shown, relative, isList ? DocumentKind.List : DocumentKind.Paper, text, bag);
        var list = document is not null && isList ? ListReader.Read(document, bag) : null;
        var paper = document is not null && !isList ? PaperFileReader.Read(document, bag) : null;
        return new CachedFile(relative, stat.Length, stat.Modified, text, document, list, paper, bag.ToSortedList());
    }
}
