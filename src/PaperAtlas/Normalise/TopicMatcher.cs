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

    public TopicMatcher(IEnumerable<Topic> topics)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            foreach (var name in topic.Aliases.Prepend(topic.NameZh).Prepend(topic.Name).Prepend(topic.Id))
            {
                keys.TryAdd(Key(name), topic.Id);
            }
        }

        keys.Remove("");
        _byKey = keys.ToFrozenDictionary(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"[(（](?<inner>[^()（）]+)[)）]")]
    private static partial Regex Parenthesised();

    public string? Match(string heading)
    {
        var text = SectionTitle.WithoutNumber(heading);
        if (_byKey.TryGetValue(Key(text), out var id))
        {
            return id;
        }

        foreach (Match match in Parenthesised().Matches(text))
        {
            if (_byKey.TryGetValue(Key(match.Groups["inner"].Value), out id))
            {
                return id;
            }
        }

        var outside = Parenthesised().Replace(text, " ");
        return _byKey.TryGetValue(Key(outside), out id) ? id : null;
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
