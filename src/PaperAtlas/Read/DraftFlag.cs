using PaperAtlas.Diagnostics;
using PaperAtlas.Load;

namespace PaperAtlas.Read;

/// <summary>
/// `draft: true` in a list's or a paper file's front-matter: the file is left out of `atlas build` (unless
/// <c>--drafts</c>) and shown by `atlas serve`, as Hugo does with drafts.
/// </summary>
public static class DraftFlag
{
    public const string Key = "draft";

    /// <summary>Where the front-matter says `draft: true`; null when it says false or nothing (an error when it says anything else).</summary>
    public static SourceLocation? Read(FrontMatter fields, DiagnosticBag diagnostics)
    {
        switch (fields.GetString(Key, diagnostics))
        {
            case null or "false" or "False" or "FALSE":
                return null;
            case "true" or "True" or "TRUE":
                return fields.LocationOf(Key);
            case { } other:
                diagnostics.Error(DiagnosticCodes.FrontMatterField, fields.LocationOf(Key),
                    $"`draft` is '{other}', which is neither true nor false",
                    "write `draft: true` to keep the file out of the built site until it is ready, or remove the line");
                return null;
        }
    }
}
