using System.Collections.Immutable;
using PaperAtlas.Load;
using YamlDotNet.RepresentationModel;

namespace PaperAtlas.Diagnostics;

/// <summary>
/// Warnings a maintainer has read and accepted (<c>content/accepted-warnings.yml</c>): they belong to a list as its
/// author wrote it, and the list stays as written. An accepted warning is shown as info and no longer fails
/// <c>atlas check --strict</c>. Each entry names a file, a code and a text the message contains, so it accepts those
/// warnings and no new ones; an entry that matches no warning any more is itself a warning (PA318), so the file never
/// hides a problem that was fixed or moved.
/// </summary>
public static class AcceptedWarnings
{
    public const string FileName = "accepted-warnings.yml";

    private static readonly HashSet<string> EntryFields = new(StringComparer.Ordinal) { "file", "code", "match", "reason" };

    /// <summary>One accepted warning: where (relative to content/), which code, what its message contains, and why.</summary>
    private sealed record Entry(string File, string Code, string Match, string Reason, SourceLocation Location);

    /// <summary>What <see cref="Apply"/> made of the diagnostics: all of them, sorted, and how many warnings it accepted.</summary>
    public sealed record Result(IReadOnlyList<Diagnostic> Diagnostics, int Accepted);

    /// <summary>
    /// Reads the content folder's accepted warnings and applies them: an accepted warning becomes info, saying why it
    /// was accepted; the file's own problems (PA115) and stale entries (PA318) join the diagnostics.
    /// </summary>
    public static Result Apply(string contentPath, IReadOnlyList<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var display = ContentLoader.DisplayRoot(contentPath);
        var entries = Load(Path.GetFullPath(contentPath), display, bag);
        var matched = new HashSet<Entry>();
        var accepted = 0;
        foreach (var diagnostic in diagnostics)
        {
            var entry = diagnostic.Severity == Severity.Warning
                ? entries.FirstOrDefault(e => e.Code == diagnostic.Code
                    && diagnostic.Location.File == ContentLoader.Shown(display, e.File)
                    && diagnostic.Message.Contains(e.Match, StringComparison.Ordinal))
                : null;
            if (entry is null)
            {
                bag.Add(diagnostic);
                continue;
            }

            matched.Add(entry);
            accepted++;
            bag.Add(diagnostic with { Severity = Severity.Info, Help = $"accepted in {ContentLoader.Shown(display, FileName)}: {entry.Reason}" });
        }

        foreach (var stale in entries.Where(e => !matched.Contains(e)))
        {
            bag.Warning(DiagnosticCodes.AcceptedWarningGone, stale.Location,
                $"no {stale.Code} warning in {stale.File} says '{stale.Match}' any more, so this acceptance accepts nothing",
                "remove the entry (the warning was fixed or its text changed)");
        }

        return new Result(bag.ToSortedList(), accepted);
    }

    private static ImmutableArray<Entry> Load(string root, string display, DiagnosticBag diagnostics)
    {
        var full = Path.Combine(root, FileName);
        var shown = ContentLoader.Shown(display, FileName);
        if (!File.Exists(full) || ContentLoader.ReadText(full, shown, diagnostics) is not { } text)
        {
            return [];
        }

        var yaml = FrontMatter.ParseFile(shown, text, diagnostics);
        if (yaml.IsEmpty)
        {
            return [];
        }

        if (yaml.Node("accepted") is not YamlSequenceNode sequence)
        {
            diagnostics.Error(DiagnosticCodes.AcceptedWarningsInvalid, yaml.LocationOf("accepted"),
                $"{FileName} must hold an `accepted:` list", "write `accepted:` followed by `- file: …` entries with `code`, `match` and `reason`");
            return [];
        }

        var entries = ImmutableArray.CreateBuilder<Entry>();
        foreach (var fields in yaml.Mappings(sequence, DiagnosticCodes.AcceptedWarningsInvalid,
            "each accepted warning must be a mapping of `file`, `code`, `match` and `reason`", "write `- file: lists/…md` then `code:`, `match:` and `reason:` below it", diagnostics))
        {
            foreach (var unknown in fields.Keys.Where(k => !EntryFields.Contains(k)))
            {
                diagnostics.Error(DiagnosticCodes.AcceptedWarningsInvalid, fields.LocationOf(unknown),
                    $"`{unknown}` is not a field of an accepted warning", "the fields are file, code, match and reason");
            }

            var values = EntryFields.Order(StringComparer.Ordinal).ToDictionary(f => f, f => fields.GetString(f, diagnostics), StringComparer.Ordinal);
            var missing = values.Where(v => v.Value is null).Select(v => $"`{v.Key}`").ToList();
            if (missing.Count > 0)
            {
                diagnostics.Error(DiagnosticCodes.AcceptedWarningsInvalid, fields.Start,
                    $"this accepted warning has no {string.Join(", ", missing)}",
                    "name the file (relative to content/), the code, a text the warning's message contains, and why it is accepted");
                continue;
            }

            entries.Add(new Entry(values["file"]!.Replace('\\', '/'), values["code"]!, values["match"]!, values["reason"]!, fields.Start));
        }

        return entries.ToImmutable();
    }
}
