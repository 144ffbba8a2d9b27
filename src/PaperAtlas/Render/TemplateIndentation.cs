using System.Text;
using Scriban;
using Scriban.Syntax;

namespace PaperAtlas.Render;

/// <summary>
/// Drops the indentation of a template's own HTML once, when the theme is loaded: it is there for whoever edits the
/// template, and ten thousand pages would otherwise carry it to every reader (about 4 % of a site's HTML). Only the
/// template's literal text changes, never what its expressions print; line breaks stay, so words never run together;
/// text inside <c>&lt;pre&gt;</c> and <c>&lt;textarea&gt;</c> keeps its spaces. Spans (and so error positions) are
/// those of the file as written.
/// </summary>
internal static class TemplateIndentation
{
    public static void Strip(Template template)
    {
        if (template.Page is { } page)
        {
            new Walk().Visit(page);
        }
    }

    // Nodes come in document order, so an element opened in one piece of text is known closed in a later one.
    private sealed class Walk
    {
        private int _insidePreformatted;
        private bool _afterPrintedValue;

        public void Visit(ScriptNode node)
        {
            switch (node)
            {
                case ScriptRawStatement raw:
                    // Text that starts a line of the file starts one of the page too, unless a `~}}` just joined it to a printed value.
                    var atLineStart = raw.Span.Start.Column == 0 && !_afterPrintedValue;
                    raw.Text = new ScriptStringSlice(Strip(raw.Text.ToString(), atLineStart));
                    _afterPrintedValue = false;
                    return;
                case ScriptEscapeStatement code:
                    // Scriban keeps the spaces before a "{{" that opens a line apart, as the code block's indent, and prints them.
                    if (code.Indent is { Length: > 0 } && _insidePreformatted == 0)
                    {
                        code.Indent = "";
                    }

                    return;
                case ScriptStatement statement:
                    _afterPrintedValue = statement is ScriptExpressionStatement;
                    break;
            }

            for (var i = 0; i < node.ChildrenCount; i++)
            {
                if (node.GetChildren(i) is { } child)
                {
                    Visit(child);
                }
            }
        }

        private string Strip(string text, bool atLineStart)
        {
            var kept = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '<')
                {
                    _insidePreformatted += StartsWithAny(text, i, Opening) ? 1 : StartsWithAny(text, i, Closing) && _insidePreformatted > 0 ? -1 : 0;
                }

                if (atLineStart && _insidePreformatted == 0 && c is ' ' or '\t')
                {
                    continue;
                }

                atLineStart = c == '\n';
                kept.Append(c);
            }

            return kept.Length == text.Length ? text : kept.ToString();
        }
    }

    private static readonly string[] Opening = ["<pre", "<textarea"];
    private static readonly string[] Closing = ["</pre", "</textarea"];

    private static bool StartsWithAny(string text, int at, string[] tags)
    {
        foreach (var tag in tags)
        {
            // "<pre" but not "<preview": the tag name must end there.
            var end = at + tag.Length;
            if (string.Compare(text, at, tag, 0, tag.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (end == text.Length || text[end] is '>' or ' ' or '\t' or '\n' or '\r' or '/'))
            {
                return true;
            }
        }

        return false;
    }
}
