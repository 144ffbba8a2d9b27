using System.Text;

namespace PaperAtlas.Normalise;

/// <summary>
/// Normalised titles, so that "LORA: LOW-RANK ADAPTATION OF LARGE LANGUAGE MODEL" and
/// "LoRA: Low-Rank Adaptation of Large Language Models" are one title, and a NeurIPS link finds its arXiv paper.
/// </summary>
public static class TitleKey
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "with", "via", "from", "by", "is", "are", "at", "as",
    };

    /// <summary>Lowercased content words, plurals folded; CJK characters count one word each.</summary>
    public static IReadOnlyList<string> Words(string title)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in Read.UnicodeText.Normalize(title, NormalizationForm.FormKC))
        {
            if (IsCjk(c))
            {
                Flush(words, current);
                words.Add(c.ToString());
            }
            else if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c == '.' && current.Length > 0 && char.IsDigit(current[^1]))
            {
                current.Append(c);
            }
            else
            {
                Flush(words, current);
            }
        }

        Flush(words, current);
        return words;
    }

    /// <summary>The key two titles share when they are the same title.</summary>
    public static string Of(string title) => string.Join(' ', Words(title));

    /// <summary>The key and, for "Name: Title", the key of the part after the name.</summary>
    public static IEnumerable<string> Variants(string title)
    {
        var key = Of(title);
        if (key.Length > 0)
        {
            yield return key;
        }

        var colon = title.IndexOfAny([':', '：']);
        if (colon > 0 && title[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3)
        {
            var rest = Of(title[(colon + 1)..]);
            if (rest.Split(' ').Length >= 3)
            {
                yield return rest;
            }
        }
    }

    /// <summary>Whether two titles name one paper: one's content words almost all appear in the other.</summary>
    public static bool Similar(string a, string b) => Similarity(a, b) >= 0.75;

    /// <summary>The share of the shorter title's content words that the longer one has too (0..1).</summary>
    public static double Similarity(string a, string b)
    {
        var left = Words(a).ToHashSet(StringComparer.Ordinal);
        var right = Words(b).ToHashSet(StringComparer.Ordinal);
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        return (double)left.Count(right.Contains) / Math.Min(left.Count, right.Count);
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length == 0)
        {
            return;
        }

        var word = current.ToString();
        current.Clear();
        if (StopWords.Contains(word))
        {
            return;
        }

        if (word.Length > 3 && word[^1] == 's' && word[^2] != 's' && !char.IsDigit(word[^2]))
        {
            word = word[..^1];
        }

        words.Add(word);
    }

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
