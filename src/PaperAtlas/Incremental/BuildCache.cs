using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using PaperAtlas.Load;
using PaperAtlas.Read;
using PaperAtlas.Render;
using PaperAtlas.Render.GraphLayout;

namespace PaperAtlas.Incremental;

/// <summary>
/// What a build keeps for the next (the preview server holds one): each content file's reading by its path and the
/// hash of its text, Normalise's and the layout's results by what they were made from, and the page models and files
/// of the site last written, so that the next build, running every stage as <c>atlas build</c> does, renders and
/// writes only the pages whose model changed.
/// </summary>
public sealed class BuildCache
{
    private readonly ConcurrentDictionary<string, CachedFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<FileReading> _edited = [];
    private readonly Memo<string, IReadOnlyList<string>> _titleVariants = new(StringComparer.Ordinal);
    private readonly Memo<string, string> _nameKeys = new(StringComparer.Ordinal);
    private readonly Memo<string, string?> _headingTopics = new(StringComparer.Ordinal);
    private readonly Memo<GroupKey, (Paper, IReadOnlyList<Diagnostic>)> _papers = new();
    private readonly Memo<MergeKey, (Paper, IReadOnlyList<Diagnostic>)> _merged = new();
    private Dictionary<string, PageModel> _models = new(StringComparer.Ordinal);
    private LoadedContent? _content;
    private IReadOnlyList<Diagnostic> _loadDiagnostics = [];
    private HashSet<string>? _named;
    private EquatableArray<Topic> _topics;
    private volatile bool _contentChanged;
    private Metadata.PaperMetadataSet? _stored;

    /// <summary>The whole-atlas layouts, by their nodes and springs.</summary>
    internal Memo<LayoutInput, Point[]> Layouts { get; } = new();

    /// <summary>Each paper's search terms, by the paper (a paper an edit did not touch is the same object).</summary>
    internal Memo<Paper, Dictionary<string, int>> Scores { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The theme and the contributors' guide of the site last written; null before the first.</summary>
    internal (Theme Theme, string? Guide)? Theme { get; set; }

    /// <summary>What every page of the site last written received as <c>site</c>; null before the first.</summary>
    internal SiteView? Site { get; private set; }

    /// <summary>Every file of the site last written, by its path.</summary>
    internal IReadOnlySet<string> Files { get; private set; } = new HashSet<string>();

    /// <summary>Whether anything the last load and read found differs from the build before.</summary>
    internal bool ContentChanged => _contentChanged;

    /// <summary>The readings made anew in the last read: the edited files'.</summary>
    internal IEnumerable<FileReading> Edited => _edited;

    /// <summary>The stored metadata this build read: a record fetched or edited while serving changes the content too.</summary>
    internal void Stored(Metadata.PaperMetadataSet stored)
    {
        _contentChanged |= _stored is not null && !_stored.Records.SequenceEqual(stored.Records);
        _stored = stored;
    }

    /// <summary>Load, or what the last one found when the files named are files it found and still there.</summary>
    /// <param name="named">The content-relative paths a watcher saw change; null looks at every file's size and time.</param>
    internal LoadedContent Load(string contentPath, IReadOnlyCollection<string>? named, DiagnosticBag diagnostics)
    {
        _edited.Clear();
        _named = named?.ToHashSet(StringComparer.Ordinal);
        _contentChanged = _content is null;
        if (_content is null || named is null || !named.All(f => _files.ContainsKey(f) && File.Exists(Path.Combine(_content.ContentPath, f))))
        {
            var found = new DiagnosticBag();
            var content = ContentLoader.Load(contentPath, found);
            _contentChanged |= !content.Equals(_content) || !found.ToSortedList().SequenceEqual(_loadDiagnostics);
            (_content, _loadDiagnostics) = (content, found.ToSortedList());
            foreach (var gone in _files.Keys.Except(content.Files.Select(f => f.RelativePath)).ToList())
            {
                _files.TryRemove(gone, out _);
            }
        }

        diagnostics.AddRange(_loadDiagnostics);
        return _content;
    }

    /// <summary>Reads a file unless its reading is kept: not named by the watcher (or the same size and time), or the same text.</summary>
    internal FileReading Read(LoadedContent content, ContentFile file)
    {
        var info = new FileInfo(Path.Combine(content.ContentPath, file.RelativePath));
        if (_files.TryGetValue(file.RelativePath, out var cached) && cached.Reading.File == file
            && (_named is null ? info.Exists && (info.Length, info.LastWriteTimeUtc) == (cached.Length, cached.Modified) : !_named.Contains(file.RelativePath)))
        {
            return cached.Reading;
        }

        var diagnostics = new DiagnosticBag();
        var text = ContentReader.Text(content, file, diagnostics);
        byte[] hash = text is null ? [] : SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()));
        if (cached is not null && text is not null && cached.Reading.Loaded && cached.Reading.File == file && hash.AsSpan().SequenceEqual(cached.Hash))
        {
            _files[file.RelativePath] = cached with { Length = info.Length, Modified = info.LastWriteTimeUtc };
            return cached.Reading;
        }

        var reading = text is null ? new FileReading(file, false, null, null, diagnostics.ToSortedList()) : ContentReader.Read(content, file, text, diagnostics);
        _files[file.RelativePath] = new CachedFile(hash, info.Exists ? info.Length : -1, info.Exists ? info.LastWriteTimeUtc : default, reading);
        _edited.Add(reading);
        _contentChanged = true;
        return reading;
    }

    /// <summary>Starts Normalise: results made for other topics go, and results no build asked for since the last go.</summary>
    internal void StartNormalise(EquatableArray<Topic> topics)
    {
        if (topics != _topics)
        {
            _topics = topics;
            _headingTopics.Clear();
            _papers.Clear();
            _merged.Clear();
            Scores.Clear();
        }

        foreach (var memo in new Action[] { _titleVariants.NextBuild, _nameKeys.NextBuild, _headingTopics.NextBuild, _papers.NextBuild, _merged.NextBuild, Layouts.NextBuild, Scores.NextBuild })
        {
            memo();
        }
    }

    internal IReadOnlyList<string> TitleVariants(string title) => _titleVariants.Get(title, t => [.. Normalise.TitleKey.Variants(t)]);

    internal string NameKey(string name, Func<string, string> key) => _nameKeys.Get(name, key);

    internal string? HeadingTopic(string heading, Func<string, string?> match) => _headingTopics.Get(heading, match);

    /// <summary>A group's paper and diagnostics, made again only when the group's mentions are not the very ones of a build before.</summary>
    internal (Paper, IReadOnlyList<Diagnostic>) Paper(Normalise.PaperGroup group, Func<Normalise.PaperGroup, (Paper, IReadOnlyList<Diagnostic>)> build) =>
        _papers.Get(new GroupKey(group.Id, group.ArxivId, group.Doi, new Mentions([.. group.Mentions])), _ => build(group));

    /// <summary>A paper with its stored record folded in, made again only when the paper is not the very one of a build before or the record differs.</summary>
    internal (Paper, IReadOnlyList<Diagnostic>) Merged(Paper paper, Metadata.PaperMetadata? record, Func<Paper, Metadata.PaperMetadata?, (Paper, IReadOnlyList<Diagnostic>)> merge) =>
        _merged.Get(new MergeKey(paper, record), key => merge(key.Paper, key.Record));

    /// <summary>Whether a page must be rendered: its model is not the one the site last written got for it.</summary>
    internal bool Differs(PageModel model) => !_models.TryGetValue(model.Path, out var old) || !old.Equals(model);

    /// <summary>Remembers what a build wrote: the models of its pages, what the layout received as <c>site</c>, and its files.</summary>
    internal void Wrote(SiteView site, IEnumerable<PageModel> models, IReadOnlySet<string> files)
    {
        Site = site;
        _models = models.ToDictionary(m => m.Path, StringComparer.Ordinal);
        Files = files;
    }

    private sealed record CachedFile(byte[] Hash, long Length, DateTime Modified, FileReading Reading);

    /// <summary>A paper, by reference (an untouched paper is the same object), and its record, by value.</summary>
    private readonly record struct MergeKey(Paper Paper, Metadata.PaperMetadata? Record)
    {
        public bool Equals(MergeKey other) => ReferenceEquals(Paper, other.Paper) && Equals(Record, other.Record);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(Paper), Record);
    }

    private readonly record struct GroupKey(string Id, string? ArxivId, string? Doi, Mentions Mentions);

    /// <summary>A group's mentions, equal to another holding the very same mention objects in the same order.</summary>
    private readonly struct Mentions(PaperMention[] items) : IEquatable<Mentions>
    {
        private readonly PaperMention[] _items = items;

        public bool Equals(Mentions other) => _items.AsSpan().SequenceEqual(other._items, ReferenceEqualityComparer.Instance);

        public override bool Equals(object? obj) => obj is Mentions other && Equals(other);

        public override int GetHashCode()
        {
            var hash = default(HashCode);
            foreach (var item in _items)
            {
                hash.Add(RuntimeHelpers.GetHashCode(item));
            }

            return hash.ToHashCode();
        }
    }
}

/// <summary>A page as its template receives it: compared with the last build's to tell whether the page must be rendered.</summary>
internal sealed record PageModel(string Path, string Template, PageView View, object Model);
