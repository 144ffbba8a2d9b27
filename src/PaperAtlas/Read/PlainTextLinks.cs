using System.Text.RegularExpressions;

namespace PaperAtlas.Read;

/// <summary>
/// Links written as plain text, which Markdown does not make links of: a URL after a label (<c>论文地址：https://…</c>)
/// and an arXiv id after the word arXiv (<c>arXiv:2106.07139</c>, <c>arXiv 2106.07139</c>). Only well-formed ids count:
/// prose says "arXiv 2023" and "arXiv: the preprint server" too.
/// </summary>
internal static partial class PlainTextLinks
{
    [GeneratedRegex(@"https?://[^\s<>""'`\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<![a-z])arxiv\s?[:：]?\s?(?<id>[0-9]{4}\.[0-9]{4,5}(?:v[0-9]+)?|[a-z][a-z-]*(?:\.[a-z]{2})?/[0-9]{7}(?:v[0-9]+)?)(?![0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivIdText();

    /// <summary>A link found in text: where it starts, how long it is written, and the URL it stands for.</summary>
    public readonly record struct Found(int Start, int Length, string Url);

    /// <summary>The links in <paramref name="text"/>, in order; they never overlap.</summary>
    public static List<Found> In(string text)
    {
        var found = new List<Found>();
        if (text.Length < 10)
        {
            return found;
        }

        foreach (Match match in Url().Matches(text))
        {
            var url = TrimUrl(match.Value);
            if (url.Length > "https://".Length)
            {
                found.Add(new Found(match.Index, url.Length, url));
            }
        }

        foreach (Match match in ArxivIdText().Matches(text))
        {
            if (ArxivId.TryParse(match.Groups["id"].Value, out var id) && !found.Any(f => match.Index < f.Start + f.Length && f.Start < match.Index + match.Length))
            {
                found.Add(new Found(match.Index, match.Length, $"https://arxiv.org/abs/{id}"));
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>A URL ends before the punctuation that follows it in a sentence, and before a bracket it did not open.</summary>
    private static string TrimUrl(string url)
    {
        var end = url.Length;
        while (end > 0)
        {
            var c = url[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '*' or '_' or '~')
            {
                end--;
            }
            else if (c is ')' or ']' && url.AsSpan(0, end).Count(c == ')' ? '(' : '[') < url.AsSpan(0, end).Count(c))
            {
                end--;
            }
            else
            {
                break;
            }
        }

        return url[..end];
    }
}
