using System.Collections.Immutable;
using PaperAtlas.Graph;
using PaperAtlas.Incremental;
using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>
/// Finds papers by the names lists use for them ("DPO", "LLaVA", "RLHF"): first within a list,
/// then across all papers' aliases and titles. Used for derived works and reading paths.
/// </summary>
internal sealed class NameIndex
{
    private readonly Dictionary<(string List, string Name), string> _inList = [];
    private readonly Dictionary<string, string> _global = new(StringComparer.Ordinal);
    private readonly BuildCache? _cache;

    public NameIndex(ImmutableArray<Paper> papers, BuildCache? cache = null)
    {
        _cache = cache;
        foreach (var paper in papers)
        {
            foreach (var mention in paper.Mentions.Where(m => m.Kind == MentionKind.Entry && m.Name is not null))
            {
                _inList.TryAdd((mention.ListId, KeyOf(mention.Name!)), paper.Id);
            }

            foreach (var name in paper.Aliases.Prepend(paper.Title).Prepend(paper.Id))
            {
                _global.TryAdd(KeyOf(name), paper.Id);
            }
        }
    }

    public string? Find(string listId, string name)
    {
        var key = KeyOf(name);
        return _inList.GetValueOrDefault((listId, key)) ?? _global.GetValueOrDefault(key);
    }

    /// <summary>The form names are compared in.</summary>
    internal static string Key(string name) => TopicMatcher.Key(name);

    private string KeyOf(string name) => _cache is null ? Key(name) : _cache.NameKey(name, Key);
}
