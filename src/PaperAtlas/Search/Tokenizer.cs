using System.Globalization;
using System.Text;

namespace PaperAtlas.Search;

/// <summary>
/// The one set of tokenising rules for the index and for queries. <c>templates/assets/search.js</c> implements the
/// same rules for the browser, and a browser test feeds both the same inputs: if the two sides ever disagree,
/// Chinese queries silently find nothing (Pagefind's users have hit exactly this).
/// Rules: NFKC, lowercase; Latin words split at anything that is not a letter or digit (a dot between digits
/// stays, for arXiv ids); light English stemming; CJK runs become overlapping character bigrams, and each
/// character a unigram so one-character queries work.
/// </summary>
public static class Tokenizer
{
    public readonly record struct Token(string Text, bool IsCjkUnigram);

    /// <param name="cjkUnigrams">False leaves out the single-character tokens (the index skips them for long fields).</param>
    public static List<Token> Tokenize(string text, bool cjkUnigrams = true)
    {
        var tokens = new List<Token>(text.Length / 4 + 4);
        var normalised = Read.UnicodeText.Normalize(text, NormalizationForm.FormKC).ToLowerInvariant();
        var i = 0;
        while (i < normalised.Length)
        {
            var c = normalised[i];
            if (IsCjk(c))
            {
                var start = i;
                while (i < normalised.Length && IsCjk(normalised[i]))
                {
                    i++;
                }

                AddCjk(tokens, normalised.AsSpan(start, i - start), cjkUnigrams);
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < normalised.Length && (IsWordChar(normalised[i])
                       || (normalised[i] == '.' && i + 1 < normalised.Length && char.IsAsciiDigit(normalised[i + 1]) && i > start && char.IsAsciiDigit(normalised[i - 1]))))
                {
                    i++;
                }

                tokens.Add(new Token(Stem(WithoutVersion(normalised[start..i])), false));
            }
            else
            {
                i++;
            }
        }

        return tokens;
    }

    /// <summary>Distinct token texts, in order, as the query side uses them.</summary>
    public static List<string> Terms(string text) => Tokenize(text).Select(t => t.Text).Distinct().ToList();

    /// <summary>Light stemming, so "models" finds "model" and "tuning" finds "tune"-less "tun" consistently on both sides.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsAsciiLetter(word[^1]))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            return word[..^3];
        }

        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^2];
        }

        if (word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4 && (word[^3] is 's' or 'x' || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)))
        {
            return word[..^2];
        }

        return word[^1] == 's' && word[^2] != 's' && word[^2] != 'u' && word[^2] != 'i' ? word[..^1] : word;
    }

    /// <summary>"2106.09685v2" → "2106.09685": people paste versioned ids; the index holds the canonical id.</summary>
    public static string WithoutVersion(string word)
    {
        var v = word.LastIndexOf('v');
        return v > 5 && word.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot && dot < v
               && word[..v].All(c => char.IsAsciiDigit(c) || c == '.') && v + 1 < word.Length && word[(v + 1)..].All(char.IsAsciiDigit)
            ? word[..v]
            : word;
    }

    public static bool IsCjk(char c) =>
        c is >= '\u3400' and <= '\u4dbf' or >= '\u4e00' and <= '\u9fff' or >= '\uf900' and <= '\ufaff' or >= '\u3040' and <= '\u30ff';

    private static bool IsWordChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || (c > '\u007f' && !IsCjk(c) && char.IsLetterOrDigit(c) && char.GetUnicodeCategory(c) != UnicodeCategory.OtherLetter);

    private static void AddCjk(List<Token> tokens, ReadOnlySpan<char> run, bool unigrams)
    {
        for (var k = 0; k < run.Length; k++)
        {
            if (unigrams)
            {
                tokens.Add(new Token(run[k].ToString(), true));
            }

            if (k + 1 < run.Length)
            {
                tokens.Add(new Token(run.Slice(k, 2).ToString(), false));
            }
        }
    }
}
