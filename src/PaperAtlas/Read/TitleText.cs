using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperAtlas.Read;

/// <summary>
/// What makes text a title in a generic list, and how a title is cut out of what surrounds it: enumerators
/// (<c>3)</c>, <c>12.</c>), emoji, wrapping quotes and brackets, a trailing period or <c> - description</c>.
/// </summary>
internal static partial class TitleText
{
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "de", "van", "von", "der", "den", "la", "le", "di", "da", "del", "du", "dos", "das", "bin", "al", "el", "y", "ter", "zu",
    };

    private static readonly HashSet<string> DanglingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "our", "see", "in", "at", "from", "of", "and", "or", "by", "to", "for", "with", "on", "is", "are", "was", "paper", "here", "this",
    };

    [GeneratedRegex(@"^(?:(?:[(（]?[0-9]{1,3}(?:[)）、]|\.(?=\s))|[(（][0-9]{1,3}[)）]|\[[0-9]{1,3}\])\s*|[-*•·▪►→]\s+)")]
    private static partial Regex Enumerator();

    [GeneratedRegex(@"\s+(?:-{1,2}|–|—)\s+")]
    private static partial Regex DescriptionDash();

    [GeneratedRegex(@"(?<=[a-z\p{Lo}?!)])[.。]\s+(?=[A-Z0-9*\p{Lo}])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?:[,;(（]\s*(?:[A-Z][\w&+\-]*(?:\s+[A-Za-z][\w&+\-]*){0,2}\s*['’]?\s*)?|\s+(?:[A-Z][A-Za-z]*[A-Z][\w&+\-]*|[Aa]r[Xx]iv)\s*['’]?\s*)(?:19|20)[0-9]{2}[)）]?$")]
    private static partial Regex TrailingVenueYear();

    [GeneratedRegex(@"[\[(（【]\s*[\])）】]|""\s*""|“\s*”")]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"\s*([,;，；/|·])(?:\s*[,;，；/|·])+")]
    private static partial Regex RepeatedSeparators();

    [GeneratedRegex(@"\bet\.?\s*al\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex EtAl();

    [GeneratedRegex(@"\s*(?:,|，|、|;|；|&|\band\b)\s*")]
    private static partial Regex NameSeparator();

    /// <summary>The text as a title would show it: whitespace collapsed; enumerator, emoji, wrapping quotes, brackets and trailing punctuation gone.</summary>
    public static string Clean(string text)
    {
        var title = MarkdownText.Collapse(text);
        for (var pass = 0; pass < 4; pass++)
        {
            var before = title;
            title = Enumerator().Replace(title, "", 1);
            title = TrimDecoration(title);
            title = Unwrap(title);
            title = TrimTrailingPunctuation(title);
            if (title == before)
            {
                break;
            }
        }

        return title;
    }

    public static string WithoutEnumerator(string text) => Enumerator().Replace(text, "", 1);

    /// <summary>Text that can be a title: it has letters, and it is not a link word, an id, a URL, a date or a venue.</summary>
    public static bool IsTitle(string text) =>
        text.Count(char.IsLetter) >= 2
        && !LinkWords.IsLinkWord(text)
        && !text.Contains("://", StringComparison.Ordinal)
        && ArxivId.FindInText(text) is null
        && PlainTextLinks.In(text).Count == 0
        && !text.StartsWith("10.", StringComparison.Ordinal)
        && !VenueDate.IsOnlyVenueOrDate(text);

    /// <summary>A title that reads as one: three words or more, or a name and a colon ("LoRA: …").</summary>
    public static bool IsLong(string text) =>
        WordCount(text) >= 3 || text.Contains(':', StringComparison.Ordinal) || text.Contains('：', StringComparison.Ordinal);

    /// <summary>A nickname: a few words (<c>UL2</c>, <c>GPT-NeoX-20B</c>, <c>Claude 2</c>), no sentence in it.</summary>
    public static bool IsShortName(string text) =>
        text.Length is > 0 and <= 40 && WordCount(text) <= 4 && text.Any(char.IsLetter)
        && text.IndexOfAny([',', ';', '，', '；', '。', '?', '!']) < 0 && !LinkWords.IsLinkWord(text) && !VenueDate.IsOnlyVenueOrDate(text);

    /// <summary>Unmarked text before a link, as a title: the part before <c> - description</c>, if it reads as a title and not as prose.</summary>
    public static string? FromUnmarked(string text)
    {
        // "2023.05 | Tree of Thoughts: … |": fields in a row of their own; the first that is no date or venue.
        if (text.Contains(" | ", StringComparison.Ordinal))
        {
            return text.Split(" | ").Select(FromUnmarked).FirstOrDefault(t => t is not null);
        }

        var title = Clean(LinkWords.WithoutTrailingLabel(Clean(text)));
        if (DescriptionDash().Match(title) is { Success: true } dash && dash.Index > 0)
        {
            title = Clean(title[..dash.Index]);
        }

        // "Attention Is All You Need. NeurIPS 2017." and "…, 2017": the title is the first sentence, without its venue and year.
        if (SentenceEnd().Match(title) is { Success: true } end && end.Index > 0 && IsLong(title[..end.Index]))
        {
            title = Clean(title[..end.Index]);
        }

        title = Clean(TrailingVenueYear().Replace(title, ""));

        if (!IsTitle(title) || title.Length > 250 || LooksLikeAuthors(title))
        {
            return null;
        }

        var first = title[0];
        var last = title.Split(' ')[^1];
        return (char.IsUpper(first) || char.IsDigit(first) || !char.IsAscii(first)) && !DanglingWords.Contains(last) ? title : null;
    }

    /// <summary>
    /// A cell's title and the description written after it: <c>1) **Llama 2** - a collection of …</c> and
    /// <c>3) SEEDS - a generative AI model …</c> are titled "Llama 2" and "SEEDS"; the rest is the description.
    /// </summary>
    public static (string Title, string Description) SplitDescription(string text, string? marked)
    {
        var clean = WithoutEnumerator(MarkdownText.Collapse(text));
        if (marked is { Length: > 0 } && Clean(marked) is { Length: > 0 } title && !string.Equals(title, Clean(clean), StringComparison.Ordinal))
        {
            var at = clean.IndexOf(marked, StringComparison.Ordinal);
            return (title, Tidy(at < 0 ? clean : clean.Remove(at, marked.Length)));
        }

        return DescriptionDash().Match(clean) is { Success: true } dash && dash.Index > 0
            ? (Clean(clean[..dash.Index]), Tidy(clean[(dash.Index + dash.Length)..]))
            : (Clean(clean), "");
    }

    /// <summary>A note without the debris of what was taken out of it: empty brackets, doubled commas, dangling punctuation.</summary>
    public static string Tidy(string text)
    {
        var tidy = MarkdownText.Collapse(text);
        for (var pass = 0; pass < 3; pass++)
        {
            tidy = EmptyBrackets().Replace(tidy, "");
            tidy = RepeatedSeparators().Replace(tidy, "$1");
            tidy = WithoutEnumerator(MarkdownText.Collapse(tidy)).Trim(',', ';', ':', '.', '|', '/', '·', '，', '；', '：', '。', '-', '–', '—', ' ', '(', ')', '[', ']', '（', '）');
        }

        return tidy.Any(char.IsLetterOrDigit) && !DanglingWords.Contains(tidy) ? tidy : "";
    }

    /// <summary>An author list: <c>Yi Tay et al.</c>, or two or more comma-separated names of capitalised words.</summary>
    public static bool LooksLikeAuthors(string text)
    {
        var trimmed = text.Trim().TrimEnd('.', ' ');
        if (trimmed.Length == 0 || trimmed.Length > 2000)
        {
            return false;
        }

        if (EtAl().Match(trimmed) is { Success: true } etAl)
        {
            return IsName(trimmed[..etAl.Index].Trim().TrimEnd(',', ' ').Split(',')[0]);
        }

        var names = NameSeparator().Split(trimmed).Where(n => n.Length > 0).ToList();
        return names.Count >= 2 && names.All(IsName);
    }

    /// <summary>The names of an author list; <c>et al.</c> becomes <c>others</c>, as BibTeX writes it.</summary>
    public static ImmutableArray<string> Authors(string text)
    {
        var trimmed = text.Trim().TrimEnd('.', ' ');
        var etAl = EtAl().Match(trimmed);
        var names = NameSeparator().Split(etAl.Success ? trimmed[..etAl.Index] : trimmed).Select(n => n.Trim().TrimEnd('.')).Where(n => n.Length > 0);
        var others = etAl.Success;
        return [.. names, .. others ? new[] { "others" } : []];
    }

    public static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static bool IsName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 5
               && words.All(w => char.IsUpper(w[0]) || NameParticles.Contains(w) || !char.IsAscii(w[0]))
               && words.Any(w => w.Count(char.IsLetter) >= 2);
    }

    /// <summary>Emoji and symbols at either end (🔥, ⭐, ✨, variation selectors, joiners) are decoration, not title.</summary>
    public static string TrimDecoration(string text)
    {
        var runes = text.EnumerateRunes().ToList();
        var start = 0;
        while (start < runes.Count && IsDecoration(runes[start]))
        {
            start++;
        }

        var end = runes.Count;
        while (end > start && IsDecoration(runes[end - 1]))
        {
            end--;
        }

        if (start == 0 && end == runes.Count)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var rune in runes.Skip(start).Take(end - start))
        {
            builder.Append(rune.ToString());
        }

        return builder.ToString().Trim();
    }

    private static bool IsDecoration(Rune rune) =>
        Rune.IsWhiteSpace(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate
        || rune.Value is 0x2B50 or 0x2728 or 0x2705 or 0x274C;

    /// <summary>A title the author wrapped whole in quotes or brackets (<c>"…"</c>, <c>[…]</c>, <c>《…》</c>) is the text inside.</summary>
    private static string Unwrap(string text)
    {
        if (text.Length < 2)
        {
            return text;
        }

        var pair = (text[0], text[^1]);
        var wrapped = pair is ('"', '"') or ('“', '”') or ('\'', '\'') or ('‘', '’') or ('[', ']') or ('(', ')') or ('（', '）') or ('《', '》') or ('「', '」') or ('【', '】');
        if (!wrapped)
        {
            return text;
        }

        var inner = text[1..^1];
        // "(a) and (b)" is not wrapped: the first bracket closes before the end.
        return pair.Item1 != pair.Item2 && inner.Contains(pair.Item2, StringComparison.Ordinal) ? text : inner.Trim();
    }

    private static string TrimTrailingPunctuation(string text)
    {
        var end = text.Length;
        while (end > 0 && text[end - 1] is ',' or ';' or ':' or '，' or '；' or '：' or '、' or '|' or '-' or '–' or '—' or '。' or ' ' or '(' or '[' or '（' or '【')
        {
            end--;
        }

        // One closing period goes ("Large Language Models Can Self-Improve."); an ellipsis stays.
        if (end > 1 && text[end - 1] == '.' && text[end - 2] != '.')
        {
            end--;
        }

        return text[..end].TrimEnd();
    }
}
