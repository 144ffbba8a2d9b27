using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using PaperAtlas.Graph;
using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>
/// Maps a list's section heading to a topic through the taxonomy's ids, names and aliases in both languages.
/// A heading matches on its whole text (numbering stripped), or on its parenthesised part
/// (<c>参数高效微调 (PEFT)</c> → <c>peft</c>), or on the text outside the parentheses.
/// </summary>
public sealed partial class TopicMatcher
{
    private readonly FrozenDictionary<string, string> _byKey;

    // Every topic a key names, in topics.yml order: a key two topics share names both.
    private readonly FrozenDictionary<string, string[]> _allByKey;

    public TopicMatcher(IEnumerable<Topic> topics)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var all = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            foreach (var key in topic.Aliases.Prepend(topic.NameZh).Prepend(topic.Name).Prepend(topic.Id).Select(Key).Where(k => k.Length > 0))
            {
                keys.TryAdd(key, topic.Id);
                if (!all.TryGetValue(key, out var ids))
                {
                    all[key] = ids = [];
                }

                if (!ids.Contains(topic.Id))
                {
                    ids.Add(topic.Id);
                }
            }
        }

        _byKey = keys.ToFrozenDictionary(StringComparer.Ordinal);
        _allByKey = all.ToFrozenDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"[(（](?<inner>[^()（）]+)[)）]")]
    private static partial Regex Parenthesised();

    /// <summary>The topic a heading names: the first its whole text, a parenthesised part, or the text outside them names.</summary>
    public string? Match(string heading)
    {
        foreach (var key in KeysOf(heading))
        {
            if (_byKey.TryGetValue(key, out var id))
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>Every topic the heading names in any of those ways (a heading a topic's notes gather under).</summary>
    public IEnumerable<string> MatchAll(string heading) =>
        KeysOf(heading).SelectMany(key => _allByKey.GetValueOrDefault(key) ?? []).Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> KeysOf(string heading)
    {
        var text = SectionTitle.WithoutNumber(heading);
        yield return Key(text);
        foreach (Match match in Parenthesised().Matches(text))
        {
            yield return Key(match.Groups["inner"].Value);
        }

        yield return Key(Parenthesised().Replace(text, " "));
    }

    /// <summary>Case, width, spaces and punctuation do not matter: "Fine-Tuning" = "fine tuning" = "FineTuning".</summary>
    public static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in Read.UnicodeText.Normalize(text, NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
