using PaperAtlas.Diagnostics;

namespace PaperAtlas.Read;

/// <summary>PA205 for a table row that links no paper, worded in one place so that a summary can name the rows.</summary>
public static class EntryWithoutPaper
{
    private const string Before = "the row '";
    private const string After = "' has no arXiv or DOI link, so no paper page is made for it";

    internal static void Report(ReadContext context, SourceLocation location, string name, string help) =>
        context.Diagnostics.Warning(DiagnosticCodes.EntryWithoutPaper, location, Before + name + After, help);

    /// <summary>The row a PA205 names, or null for a PA205 about something else.</summary>
    public static string? NameOf(Diagnostic diagnostic) =>
        diagnostic.Message.StartsWith(Before, StringComparison.Ordinal) && diagnostic.Message.EndsWith(After, StringComparison.Ordinal)
            ? diagnostic.Message[Before.Length..^After.Length]
            : null;
}
