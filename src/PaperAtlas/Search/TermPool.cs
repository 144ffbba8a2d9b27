using System.Collections.Concurrent;

namespace PaperAtlas.Search;

/// <summary>
/// One string per distinct term, shared by every paper's scores: a term is read from the text as a span and becomes
/// a string once per index, not once per paper that uses it. Safe from several threads.
/// </summary>
internal sealed class TermPool
{
    private readonly ConcurrentDictionary<string, string> _terms = new(StringComparer.Ordinal);

    public string Get(ReadOnlySpan<char> term)
    {
        var lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(term, out var known))
        {
            return known;
        }

        var text = term.ToString();
        return _terms.GetOrAdd(text, text);
    }
}
