using System.Globalization;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Load;

/// <summary>
/// Control characters have no place in content: invisible in an editor, they reach titles, ids and notes, are not
/// allowed in XML (the feed would fail to write) and can move a terminal's cursor or rewrite what it shows. Tab, line
/// feed and carriage return are text; every other C0 and C1 control, DEL and the non-characters U+FFFE and U+FFFF are
/// refused where they stand.
/// </summary>
public static class ControlCharacters
{
    /// <summary>Reporting stops after this many lines: a binary-ish file needs one message, not thousands.</summary>
    private const int MaxReported = 10;

    public static bool IsRefused(char c) =>
        c is (< ' ' and not ('\t' or '\n' or '\r')) or (>= '\u007F' and <= '\u009F') or '\uFFFE' or '\uFFFF';

    /// <summary>Reports the first refused character of each line (as an error); true when there was none.</summary>
    public static bool Report(string file, string text, DiagnosticBag diagnostics)
    {
        var reported = 0;
        var line = 1;
        var lineStart = 0;
        var lastReportedLine = 0;
        for (var i = 0; i < text.Length && reported < MaxReported; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            if ((IsRefused(c) || IsLoneSurrogate(text, i)) && line != lastReportedLine)
            {
                lastReportedLine = line;
                reported++;
                diagnostics.Error(DiagnosticCodes.ControlCharacter, new SourceLocation(file, line, i - lineStart + 1),
                    $"the character U+{(int)c:X4} here is a control character (or half of one), not text; it is refused in titles, ids, notes and settings",
                    "delete it (most editors show it as a box or a ^ sign)");
            }
        }

        return reported == 0;
    }

    /// <summary>
    /// One line for a terminal: every refused character (escape included) and line break shown as <c>\uXXXX</c>, so
    /// nothing quoted from content can move the cursor or start a line that looks like another diagnostic.
    /// </summary>
    public static string Printable(string text)
    {
        static bool Hidden(char c) => IsRefused(c) || c is '\n' or '\r';
        if (!text.Any(Hidden))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(Hidden(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return builder.ToString();
    }

    private static bool IsLoneSurrogate(string text, int i) =>
        (char.IsHighSurrogate(text[i]) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
        || (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
}
