using System.Globalization;
using System.Text;
using PaperAtlas.Contribute;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Cli;

/// <summary>
/// Prints diagnostics for people (grouped by file), for GitHub (workflow annotations), and as a Markdown table for a
/// workflow's job summary, which has no limit on how many it shows. Paths and messages quote content, so control
/// characters are shown as <c>\uXXXX</c>: nothing a file holds can drive the terminal.
/// </summary>
public static class DiagnosticPrinter
{
    public static void Print(IReadOnlyList<Diagnostic> diagnostics, string format, TextWriter writer)
    {
        if (format == "github")
        {
            foreach (var d in diagnostics)
            {
                var level = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
                writer.WriteLine($"::{level} file={Escape(Printable(d.Location.File), true)},line={d.Location.Line},col={d.Location.Column},title={d.Code}::{Escape(Printable(d.Message + (d.Help.Length > 0 ? " — " + d.Help : "")), false)}");
            }

            return;
        }

        // Grouped by file (diagnostics arrive sorted), a blank line between files, so people can scan them.
        string? file = null;
        foreach (var d in diagnostics)
        {
            if (file is not null && d.Location.File != file)
            {
                writer.WriteLine();
            }

            file = d.Location.File;
            writer.WriteLine(Printable(d.ToString()));
        }
    }

    /// <summary>
    /// Every diagnostic as Markdown tables under <paramref name="headline"/>: those about the changed files first, when
    /// <paramref name="changed"/> says which, then the rest.
    /// </summary>
    public static string Markdown(IReadOnlyList<Diagnostic> diagnostics, ChangedFiles? changed, string headline)
    {
        var markdown = new StringBuilder();
        markdown.Append("## atlas check\n\n").Append(Cell(headline)).Append('\n');
        if (diagnostics.Count == 0)
        {
            return markdown.ToString();
        }

        if (changed is null)
        {
            Table(markdown, diagnostics);
            return markdown.ToString();
        }

        var touching = diagnostics.Where(changed.Touches).ToList();
        markdown.Append("\n### In the files this pull request changes\n");
        if (touching.Count == 0)
        {
            markdown.Append("\nNothing to report.\n");
        }
        else
        {
            Table(markdown, touching);
        }

        var elsewhere = diagnostics.Where(d => !changed.Touches(d)).ToList();
        if (elsewhere.Count > 0)
        {
            markdown.Append("\n### Elsewhere\n");
            Table(markdown, elsewhere);
        }

        return markdown.ToString();
    }

    private static void Table(StringBuilder markdown, IEnumerable<Diagnostic> diagnostics)
    {
        markdown.Append("\n| severity | where | code | what | what to do |\n| --- | --- | --- | --- | --- |\n");
        foreach (var d in diagnostics)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"| {d.SeverityName} | {Cell(d.Location.ToString())} | {d.Code} | {Cell(d.Message)} | {Cell(d.Help)} |\n");
        }
    }

    /// <summary>Text from content kept as text in a table cell: no row breaks, no column breaks, no HTML.</summary>
    private static string Cell(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Printable(string text) => Load.ControlCharacters.Printable(text);

    /// <summary>GitHub's annotation escaping: % CR LF always, and , : in properties.</summary>
    private static string Escape(string text, bool property)
    {
        var escaped = text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
        return property ? escaped.Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal) : escaped;
    }
}
