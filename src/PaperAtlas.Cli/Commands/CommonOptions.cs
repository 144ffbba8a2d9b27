using System.CommandLine;
using PaperAtlas.Diagnostics;
using PaperAtlas.Normalise;

namespace PaperAtlas.Cli.Commands;

/// <summary>The options several commands share, made anew for each command that has them.</summary>
internal static class CommonOptions
{
    public static Option<string> Content() =>
        new("--content") { Description = "The content folder (lists/, papers/, topics.yml, site.yml)", DefaultValueFactory = _ => "content" };

    public static Option<string> Output(string description = "Where the site is written") =>
        new("--output") { Description = description, DefaultValueFactory = _ => "site" };

    public static Option<string?> Templates() =>
        new("--templates") { Description = "A theme folder whose files override the built-in theme's (default: templates/ beside the content folder, when there is one)" };

    public static Option<string?> BaseUrl() =>
        new("--base-url") { Description = "The path the site is served under, e.g. /paper-atlas/, or its whole address (https://octocat.github.io/paper-atlas/) to make the sitemap, feed and canonical links absolute" };

    public static Option<bool> Verbose() =>
        new("--verbose") { Description = "Print every diagnostic; without it, many of one kind in one list are summarised" };

    /// <summary>The diagnostics to print: every one under --verbose, else many of one kind in one list folded.</summary>
    public static IReadOnlyList<Diagnostic> Shown(this ParseResult parse, Option<bool> verbose, IReadOnlyList<Diagnostic> all) =>
        parse.GetValue(verbose) ? all : DiagnosticSummary.Summarise(all);

    public static Option<bool> Drafts(string what) =>
        new("--drafts") { Description = $"{what} the lists and paper files that say `draft: true` too" };
}
