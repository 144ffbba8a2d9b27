using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace PaperAtlas.Read;

/// <summary>
/// Bare citation numbers in report prose (<c>该论文 1 标志着</c>, <c>长距离依赖 3。</c>, <c>（53）</c>).
/// They carry no markup, so they are told from ordinary numbers by what surrounds them: a citation stands
/// alone between spaces or before punctuation, and is never followed by a measure word (<c>11 项</c>, <c>4 个</c>).
/// </summary>
public static partial class Citations
{
    private const string MeasureWords = "个项倍层次种步位亿万千百年月日条款名篇类组轮张块点秒分%";
    private const string ClosingBefore = "）)”\"*】]」";
    private const string NotAfterVerb = "为第约达至到共近和与或及";

    [GeneratedRegex(@"(?<![A-Za-z])[A-Za-z]{2,} [0-9]{1,3}(?![0-9.,])")]
    private static partial Regex NumberedName();

    /// <summary>
    /// Names with a version number that a document's own headings use ("Llama 3: The Llama 3 Herd of Models"):
    /// in its prose, "Llama 3" is that name, not citation 3.
    /// </summary>
    public static FrozenSet<string> NumberedNames(IEnumerable<string> headings) =>
        headings.SelectMany(h => NumberedName().Matches(h).Select(m => m.Value)).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The citation numbers (1..<paramref name="max"/>) in a run of plain text, with their offsets.</summary>
    public static ImmutableArray<(int Number, int Start, int Length)> Find(string text, int max, IReadOnlySet<string>? names = null)
    {
        var found = ImmutableArray.CreateBuilder<(int, int, int)>();
        var inMath = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '$')
            {
                inMath = !inMath;
                continue;
            }

            if (inMath || !char.IsAsciiDigit(c) || (i > 0 && IsNumberPart(text[i - 1])))
            {
                continue;
            }

            var end = i;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - i <= 3 && IsCitation(text, i, end) && !EndsName(text, i, end, names)
                && int.TryParse(text.AsSpan(i, end - i), out var number) && number >= 1 && number <= max)
            {
                found.Add((number, i, end - i));
            }

            i = end - 1;
        }

        return found.ToImmutable();
    }

    private static bool EndsName(string text, int start, int end, IReadOnlySet<string>? names)
    {
        if (names is not { Count: > 0 } || start < 3 || text[start - 1] != ' ')
        {
            return false;
        }

        var word = start - 1;
        while (word > 0 && char.IsAsciiLetter(text[word - 1]))
        {
            word--;
        }

        return word < start - 1 && names.Contains(text[word..end]);
    }

    private static bool IsNumberPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or ',' or '-' or '$' or '_' or '^' or '/' or ':' or '~';

    private static bool IsCitation(string text, int start, int end)
    {
        var before = start > 0 ? text[start - 1] : ' ';
        var after = end < text.Length ? text[end] : '\0';
        if (after != '\0' && (IsNumberPart(after) || after is '%' or '+'))
        {
            return false;
        }

        var fullWidthParens = before == '（' && after == '）';
        if (!fullWidthParens && !char.IsWhiteSpace(before) && !ClosingBefore.Contains(before, StringComparison.Ordinal))
        {
            return false;
        }

        if (char.IsWhiteSpace(before) && start >= 2 && NotAfterVerb.Contains(text[start - 2], StringComparison.Ordinal))
        {
            return false;
        }

        if (after is '\0' or '。' or '，' or '；' or '：' or '、' or '）' or ')' or '|' || fullWidthParens)
        {
            return true;
        }

        if (!char.IsWhiteSpace(after))
        {
            return false;
        }

        var next = end + 1 < text.Length ? text[end + 1] : '\0';
        return next == '\0' || (!MeasureWords.Contains(next, StringComparison.Ordinal) && !char.IsAsciiDigit(next) && next is not ('x' or 'X' or '×' or 'B' or 'k' or 'K' or 'M'));
    }
}
