using System.Collections.Concurrent;

namespace PaperAtlas.Incremental;

/// <summary>
/// Results kept from one build to the next by what they were made from, so a rebuild makes again only what an edit
/// changed. A result the build before did not ask for is let go: the memo holds about one build's worth.
/// Safe from several threads; <c>make</c> must be a pure function of its key.
/// </summary>
public sealed class Memo<TKey, TValue>(IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new(comparer);
    private int _build;

    public TValue Get(TKey key, Func<TKey, TValue> make)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            entry = _entries.GetOrAdd(key, k => new Entry(make(k)));
        }

        entry.Build = _build;
        return entry.Value;
    }

    /// <summary>Starts a build: what the build before did not ask for goes.</summary>
    public void NextBuild()
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.Build < _build)
            {
                _entries.TryRemove(key, out _);
            }
        }

        _build++;
    }

    public void Clear() => _entries.Clear();

    private sealed class Entry(TValue value)
    {
        public TValue Value { get; } = value;

        public int Build { get; set; }
    }
}
