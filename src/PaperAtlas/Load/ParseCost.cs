namespace PaperAtlas.Load;

/// <summary>
/// Markdig's time grows with the square of two shapes of input, which no reading list has: link openers whose target
/// never closes (<c>![a](![a](…</c>: each one scans to the end of its paragraph), and tens of thousands of link
/// reference definitions in one file (200,000 took 100 s). Both are found here in one pass over the text, before
/// the parser sees it, and the file is refused at the line where the limit is passed.
/// </summary>
public static class ParseCost
{
    /// <summary>
    /// How far, in characters, link openers may scan past one another in one paragraph. A link's target closes a few
    /// dozen characters after its <c>](</c>, so in real lists no opener is ever pending while another one is.
    /// </summary>
    public const int MaxPendingLinkScan = 1_000_000;

    /// <summary>Reference definitions (<c>[name]: url</c>) per file; a works-cited list is numbered, not defined.</summary>
    public const int MaxReferenceDefinitions = 10_000;

    /// <summary>The first place (1-based line and column) where the text passes a limit, what it is and what to do.</summary>
    public static (int Line, int Column, string Message, string Help)? Scan(string text)
    {
        var line = 1;
        var lineStart = 0;
        var definitions = 0;
        long scan = 0;
        var pending = 0;
        var firstPending = (Line: 0, Column: 0);
        var blank = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (blank)
                {
                    // A blank line ends the paragraph, and every scan with it.
                    pending = 0;
                }

                line++;
                lineStart = i + 1;
                blank = true;
                continue;
            }

            if (blank && c is not (' ' or '\t' or '\r'))
            {
                blank = false;
                if (c == '[' && i - lineStart <= 3 && IsDefinition(text, i) && ++definitions > MaxReferenceDefinitions)
                {
                    return (line, i - lineStart + 1,
                        $"the file defines over {MaxReferenceDefinitions:N0} link references (`[name]: url`)",
                        "write the links inline as `[text](url)`, or split the file");
                }
            }

            if (c == ')')
            {
                pending = 0;
            }
            else if (c == ']' && i + 1 < text.Length && text[i + 1] == '(')
            {
                if (pending == 0)
                {
                    firstPending = (line, i - lineStart + 1);
                }

                pending++;
            }

            // Every opener still waiting for its ')' is scanned over this character once more.
            scan += Math.Max(0, pending - 1);
            if (scan > MaxPendingLinkScan)
            {
                return (firstPending.Line, firstPending.Column,
                    "link targets opened here (`](`) are never closed, and each one is read again to the end of the paragraph",
                    "close each link as `[text](url)`");
            }
        }

        return null;
    }

    /// <summary>A line that starts (after up to three spaces) with <c>[label]:</c>.</summary>
    private static bool IsDefinition(string text, int open)
    {
        var close = text.IndexOfAny([']', '\n'], open + 1);
        return close > open + 1 && text[close] == ']' && close + 1 < text.Length && text[close + 1] == ':';
    }
}
