using PaperAtlas.Diagnostics;

namespace PaperAtlas.Cli;

/// <summary>
/// Prints diagnostics for people (grouped by file) or for GitHub (workflow annotations). Paths and messages quote
/// content, so control characters are shown as <c>\uXXXX</c>: nothing a file holds can drive the terminal.
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

    private static string Printable(string text) => Load.ControlCharacters.Printable(text);

    /// <summary>GitHub's annotation escaping: % CR LF always, and , : in properties.</summary>
    private static string Escape(string text, bool property)
    {
        var escaped = text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
        return property ? escaped.Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal) : escaped;
    }
}
