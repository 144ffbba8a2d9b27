using System.Collections.Concurrent;

namespace PaperAtlas.Incremental;

/// <summary>
/// Results kept from one build to the next by what they were made from, so a rebuild makes again only what an edit
/// changed. A result the last build did not ask for is let go by the next one: the memo holds about one build's worth.
/// Safe from several threads; <c>make</c> must be a pure function of its key.
/// </summary>
public sealed class Memo<TKey, TValue>(IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private ConcurrentDictionary<TKey, TValue> _current = new(comparer);
    private ConcurrentDictionary<TKey, TValue> _previous = new(comparer);

    public TValue Get(TKey key, Func<TKey, TValue> make)
    {
        if (_current.TryGetValue(key, out var value))
        {
            return value;
        }

        return _previous.TryGetValue(key, out value) ? _current.GetOrAdd(key, value) : _current.GetOrAdd(key, make);
    }

    /// <summary>Starts a build: what the one before did not ask for goes.</summary>
    public void NextBuild()
    {
        _previous = _current;
        _current = new ConcurrentDictionary<TKey, TValue>(comparer);
    }

    public void Clear()
    {
        _previous.Clear();
        _current.Clear();
    }
}
