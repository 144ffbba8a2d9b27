using System.Text;

namespace PaperAtlas.Tests.Hostile;

/// <summary>
/// Deterministic mutations of real content: line edits, inserted Markdown/YAML syntax, CJK and emoji,
/// control characters, truncation, splices between files, long runs of one token. The same seed always gives the same text.
/// </summary>
internal static class Mutator
{
    private static readonly string[] Tokens =
    [
        "|", "||", "| --- |", "*", "**", "***", "_", "#", "### ", "#### **", "[", "]", "(", ")", "](", "![", "[1]", "---", "...",
        "\\", "\\_", "\\\\", "$", "$$", "`", "```", "~~~", "<", ">", "> ", "- ", "* ", "+ ", "1. ", "99) ", "\t", "    ",
        "&#x09;", "&amp;", "&#0;", "<!--", "-->", "<div>", "</div>", "<script>", "{", "}", ":", ": ", "- id: ", "year: soon",
        "topics: 7", "related:", "  - ", "?", "!", "&", "%", "@", "\"", "'", "|-", ">-", "*anchor", "&anchor ",
        "中文", "论文", "引用的著作", "、", "：", "（", "）", "→", "😀", "👩‍👩‍👧", "🇨🇳", "\u200B", "\uFEFF", "\u202E", "\u0000",
        "\uD800", "\uDC00", "\r", "\r\n", "\n", "\n\n", "\u2028", "\u0085", "\u00A0",
        "arXiv:2106.09685", "arXiv:2106.0968", "https://arxiv.org/abs/", "https://arxiv.org/pdf/2305.18290v2.pdf",
        "(https://arxiv.org/abs/1706.03762)", "javascript:alert(1)", "data:text/html,x", "<https://arxiv.org/abs/2203.02155>",
        "2023/05", "**Paper**:", "**year**:", "1 ", " 12 ", "https://doi.org/10.1145/1234.5678",
    ];

    public static string Mutate(string text, Random random, string[] corpus)
    {
        var count = 1 + random.Next(6);
        for (var i = 0; i < count; i++)
        {
            text = MutateOnce(text, random, corpus);
        }

        return text;
    }

    /// <summary>A run of lines cut from a real file, so small inputs reach the same readers quickly.</summary>
    public static string Slice(string text, Random random)
    {
        var lines = text.Split('\n');
        var start = random.Next(lines.Length);
        var length = 1 + random.Next(Math.Min(200, lines.Length - start));
        var slice = string.Join('\n', lines, start, length);
        // Keep the front-matter sometimes, so the slice is read the way the file is.
        return random.Next(3) == 0 && start > 0 && lines[0] == "---" ? string.Join('\n', lines.TakeWhile((l, n) => n == 0 || l != "---")) + "\n---\n" + slice : slice;
    }

    private static string MutateOnce(string text, Random random, string[] corpus)
    {
        var lines = text.Split('\n').ToList();
        int Line() => random.Next(Math.Max(1, lines.Count));
        int Offset() => random.Next(text.Length + 1);
        string Token() => Tokens[random.Next(Tokens.Length)];
        switch (random.Next(17))
        {
            case 0 when lines.Count > 1:
                lines.RemoveAt(Line());
                return string.Join('\n', lines);
            case 1:
                var d = Line();
                lines.Insert(d, lines[d]);
                return string.Join('\n', lines);
            case 2 when lines.Count > 1:
                var (a, b) = (Line(), Line());
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return string.Join('\n', lines);
            case 3:
            case 4:
                return text.Insert(Offset(), Token());
            case 5:
                var builder = new StringBuilder();
                for (var n = random.Next(1, 12); n > 0; n--)
                {
                    builder.Append(Token());
                }

                return text.Insert(Offset(), builder.ToString());
            case 6:
                return text[..Offset()];
            case 7 when text.Length > 0:
                var at = random.Next(text.Length);
                return text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(40)));
            case 8:
                // Random UTF-16 code units, surrogates and controls included.
                var chars = new char[1 + random.Next(8)];
                for (var n = 0; n < chars.Length; n++)
                {
                    chars[n] = (char)(random.Next(4) == 0 ? random.Next(0x20) : random.Next(0x10000));
                }

                return text.Insert(Offset(), new string(chars));
            case 9:
                var l = Line();
                lines[l] = Token() + lines[l];
                return string.Join('\n', lines);
            case 10:
                var other = corpus[random.Next(corpus.Length)].Split('\n');
                var from = random.Next(other.Length);
                lines.InsertRange(Line(), other.Skip(from).Take(1 + random.Next(30)));
                return string.Join('\n', lines);
            case 11:
                return text.Replace("\n", "\r\n", StringComparison.Ordinal);
            case 12:
                var r = Line();
                lines[r] = string.Concat(Enumerable.Repeat(Token(), 1 + random.Next(80)));
                return string.Join('\n', lines);
            case 13:
                return "---\n" + Token() + "\n" + (random.Next(2) == 0 ? "---\n" : "") + text;
            case 15:
                // One token thousands of times over: the shape of every quadratic found so far (`![a](` x 20,000).
                return text.Insert(Offset(), new StringBuilder().Insert(0, Token(), 500 + random.Next(20_000)).ToString());
            case 14 when lines.Count > 2:
                var (s, e) = (Line(), Line());
                var (lo, hi) = (Math.Min(s, e), Math.Max(s, e));
                var block = lines.GetRange(lo, hi - lo);
                lines.RemoveRange(lo, hi - lo);
                lines.InsertRange(Math.Min(Line(), lines.Count), block);
                return string.Join('\n', lines);
            default:
                var c = Line();
                lines[c] = lines[c].Replace('|', Token()[0]).Replace('*', random.Next(2) == 0 ? '_' : '#');
                return string.Join('\n', lines);
        }
    }

    /// <summary>Bytes for the loader: the text's UTF-8 with NULs, invalid sequences, a BOM or a cut multi-byte character.</summary>
    public static byte[] CorruptBytes(string text, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        switch (random.Next(5))
        {
            case 0:
                bytes.Insert(random.Next(bytes.Count + 1), 0);
                break;
            case 1:
                bytes.Insert(random.Next(bytes.Count + 1), (byte)(0x80 + random.Next(0x80)));
                break;
            case 2:
                bytes.InsertRange(0, [0xEF, 0xBB, 0xBF]);
                break;
            case 3:
                var cut = random.Next(bytes.Count + 1);
                bytes.RemoveRange(cut, bytes.Count - cut);
                break;
            default:
                for (var n = random.Next(1, 64); n > 0; n--)
                {
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                }

                break;
        }

        return [.. bytes];
    }
}
