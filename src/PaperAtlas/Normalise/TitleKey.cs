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
        // Normalising compares the same titles over and over (each mention against its paper's title): remember the
        // last few thousand on each thread.
        var memo = t_memo ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (memo.TryGetValue(title, out var known))
        {
            return known;
        }

        if (memo.Count >= MemoSize)
        {
            memo.Clear();
        }

        var words = ReadWords(title);
        memo[title] = words;
        return words;
    }

    private const int MemoSize = 4096;

    [ThreadStatic]
    private static Dictionary<string, string[]>? t_memo;

    private static string[] ReadWords(string title)
    {
        var text = System.Text.Ascii.IsValid(title) ? title : Read.UnicodeText.Normalize(title, NormalizationForm.FormKC);
        var words = new List<string>();
        var current = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                Flush(words, current, ref length);
                words.Add(c.ToString());
            }
            else if (char.IsLetterOrDigit(c))
            {
                current[length++] = char.ToLowerInvariant(c);
            }
            else if (c == '.' && length > 0 && char.IsDigit(current[length - 1]))
            {
                current[length++] = c;
            }
            else
            {
                Flush(words, current, ref length);
            }
        }

        Flush(words, current, ref length);
        return [.. words];
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

    private static void Flush(List<string> words, Span<char> current, ref int length)
    {
        if (length == 0)
        {
            return;
        }

        ReadOnlySpan<char> word = current[..length];
        length = 0;
        if (StopWordSpans.Contains(word))
        {
            return;
        }

        if (word.Length > 3 && word[^1] == 's' && word[^2] != 's' && !char.IsDigit(word[^2]))
        {
            word = word[..^1];
        }

        words.Add(word.ToString());
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordSpans = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
