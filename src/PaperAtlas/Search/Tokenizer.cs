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

    /// <summary>Takes one token; the span is the tokenizer's buffer, valid only during the call.</summary>
    public delegate void TokenSink<TState>(ref TState state, ReadOnlySpan<char> token, bool isCjkUnigram);

    // The normalised text of the field being tokenised: the index tokenises every field of every paper.
    [ThreadStatic]
    private static char[]? t_buffer;

    /// <param name="cjkUnigrams">False leaves out the single-character tokens (the index skips them for long fields).</param>
    public static List<Token> Tokenize(string text, bool cjkUnigrams = true)
    {
        var tokens = new List<Token>(text.Length / 4 + 4);
        Tokenize(text, cjkUnigrams, ref tokens, static (ref List<Token> list, ReadOnlySpan<char> token, bool unigram) => list.Add(new Token(token.ToString(), unigram)));
        return tokens;
    }

    /// <summary>
    /// The tokens of <paramref name="text"/>, in order, handed to <paramref name="sink"/> as spans: what
    /// <see cref="Tokenize(string, bool)"/> returns, without a string per token.
    /// </summary>
    public static void Tokenize<TState>(string text, bool cjkUnigrams, ref TState state, TokenSink<TState> sink)
    {
        var normalised = Normalised(text);
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

                var run = normalised.Slice(start, i - start);
                for (var k = 0; k < run.Length; k++)
                {
                    if (cjkUnigrams)
                    {
                        sink(ref state, run.Slice(k, 1), true);
                    }

                    if (k + 1 < run.Length)
                    {
                        sink(ref state, run.Slice(k, 2), false);
                    }
                }
            }
            else if (IsWordChar(c))
            {
                var start = i;
                i = WordEnd(normalised, start);

                // The word is not read again once stemmed, so stemming may rewrite it in place.
                sink(ref state, Stem(WithoutVersion(normalised[start..i])), false);
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>Where the Latin word that starts at <paramref name="start"/> ends: letters and digits, and a dot between digits.</summary>
    private static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && (IsWordChar(text[i])
               || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && i > start && char.IsAsciiDigit(text[i - 1]))))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Each two neighbouring Latin words with one space or hyphen between them, written as one word and stemmed as one:
    /// "GPT-3" gives "gpt3" and "Paged Attention" gives "pagedattention", so a name matches however it is spaced. A CJK
    /// run or any other character between two words keeps them apart. <c>search.js</c>'s <c>joinedPairs</c> is the same.
    /// </summary>
    /// <param name="versionsOnly">
    /// Only pairs where a word is short or has a digit ("GPT-3", "Llama 2", "T5 base"): the forms people write as one word.
    /// </param>
    public static List<string> JoinedPairs(string text, bool versionsOnly = false)
    {
        var normalised = Normalised(text);
        var pairs = new List<string>();
        var (previousStart, previousEnd) = (-1, -1);
        var i = 0;
        while (i < normalised.Length)
        {
            if (!IsWordChar(normalised[i]))
            {
                previousStart = IsCjk(normalised[i]) ? -1 : previousStart;
                i++;
                continue;
            }

            var start = i;
            i = WordEnd(normalised, start);
            if (previousStart >= 0 && start == previousEnd + 1 && normalised[previousEnd] is ' ' or '-'
                && (!versionsOnly || IsVersionLike(normalised[previousStart..previousEnd]) || IsVersionLike(normalised[start..i])))
            {
                var word = new char[previousEnd - previousStart + i - start];
                normalised[previousStart..previousEnd].CopyTo(word);
                normalised[start..i].CopyTo(word.AsSpan(previousEnd - previousStart));
                pairs.Add(Stem(WithoutVersion(word)).ToString());
            }

            (previousStart, previousEnd) = (start, i);
        }

        return pairs;
    }

    private static bool IsVersionLike(ReadOnlySpan<char> word) => word.Length <= 3 || word.ContainsAnyInRange('0', '9');

    /// <summary>NFKC and lowercase, in this thread's buffer; ASCII text (most of it) needs neither a normalised nor a lowercased copy.</summary>
    private static Span<char> Normalised(string text)
    {
        var buffer = t_buffer is { } kept && kept.Length >= text.Length ? kept : t_buffer = new char[Math.Max(256, text.Length)];
        if (System.Text.Ascii.IsValid(text))
        {
            System.Text.Ascii.ToLower(text, buffer, out var written);
            return buffer.AsSpan(0, written);
        }

        var normal = Read.UnicodeText.Normalize(text, NormalizationForm.FormKC);
        if (normal.Length > buffer.Length)
        {
            buffer = t_buffer = new char[normal.Length];
        }

        var length = normal.AsSpan().ToLowerInvariant(buffer);
        return buffer.AsSpan(0, length);
    }

    /// <summary>Distinct token texts, in order, as the query side uses them.</summary>
    public static List<string> Terms(string text) => Tokenize(text).Select(t => t.Text).Distinct().ToList();

    /// <summary>
    /// Light stemming, so "models" finds "model" and "tuning" finds "tune"-less "tun" consistently on both sides. The
    /// stem is a slice of the word (the "ies" → "y" rule writes the y in place).
    /// </summary>
    private static Span<char> Stem(Span<char> word)
    {
        if (word.Length <= 3 || !char.IsAsciiLetter(word[^1]))
        {
            return word;
        }

        if (word.EndsWith("ies") && word.Length > 4)
        {
            word[^3] = 'y';
            return word[..^2];
        }

        if (word.EndsWith("ing") && word.Length > 5)
        {
            return word[..^3];
        }

        if (word.EndsWith("ed") && word.Length > 4)
        {
            return word[..^2];
        }

        if (word.EndsWith("es") && word.Length > 4 && (word[^3] is 's' or 'x' || word.EndsWith("ches") || word.EndsWith("shes")))
        {
            return word[..^2];
        }

        return word[^1] == 's' && word[^2] != 's' && word[^2] != 'u' && word[^2] != 'i' ? word[..^1] : word;
    }

    /// <summary>"2106.09685v2" → "2106.09685": people paste versioned ids; the index holds the canonical id.</summary>
    private static Span<char> WithoutVersion(Span<char> word)
    {
        var v = word.LastIndexOf('v');
        return v > 5 && word.IndexOf('.') is > 0 and var dot && dot < v
               && !word[..v].ContainsAnyExcept(DigitsAndDot) && v + 1 < word.Length && !word[(v + 1)..].ContainsAnyExceptInRange('0', '9')
            ? word[..v]
            : word;
    }

    private static readonly System.Buffers.SearchValues<char> DigitsAndDot = System.Buffers.SearchValues.Create("0123456789.");

    public static bool IsCjk(char c) =>
        c is >= '\u3400' and <= '\u4dbf' or >= '\u4e00' and <= '\u9fff' or >= '\uf900' and <= '\ufaff' or >= '\u3040' and <= '\u30ff';

    private static bool IsWordChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || (c > '\u007f' && !IsCjk(c) && char.IsLetterOrDigit(c) && char.GetUnicodeCategory(c) != UnicodeCategory.OtherLetter);
}
