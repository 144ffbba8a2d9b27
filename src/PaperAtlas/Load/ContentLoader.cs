using System.Collections.Immutable;
using System.Text;
using Markdig;
using Markdig.Syntax;
using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using YamlDotNet.RepresentationModel;

namespace PaperAtlas.Load;

/// <summary>Load: reads content/ from disk into <see cref="LoadedContent"/>. Bad files become diagnostics.</summary>
public static partial class ContentLoader
{
    [System.Text.RegularExpressions.GeneratedRegex("\r(?!\n)")]
    private static partial System.Text.RegularExpressions.Regex LoneCr();

    /// <summary>Larger files are refused: a list this big is a mistake or an attack, never a reading list.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The settings, the topics and the list of content files: lists then paper files, each in path order. The files
    /// are read by Read (<see cref="Read.ContentReader"/>), one at a time, so no file's text or syntax tree outlives its reading.
    /// </summary>
    public static LoadedContent Load(string contentPath, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(contentPath);
        var display = DisplayRoot(contentPath);
        if (!Directory.Exists(root))
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.StartOf(display),
                "the content folder does not exist", "pass --content with the folder that holds lists/ and topics.yml");
            return new LoadedContent(root, SiteSettings.Default, [], []) { DisplayRoot = display };
        }

        WarnWhenNoContentFolders(root, display, diagnostics);
        var settings = LoadSettings(root, display, diagnostics);
        var topics = LoadTopics(root, display, diagnostics);
        EquatableArray<ContentFile> files = [.. Find(root, display, DocumentKind.List, diagnostics), .. Find(root, display, DocumentKind.Paper, diagnostics)];
        return new LoadedContent(root, settings, topics, files) { DisplayRoot = display };
    }

    /// <summary>A folder with neither lists/ nor papers/ gives an empty site: most likely --content names the wrong folder.</summary>
    private static void WarnWhenNoContentFolders(string root, string display, DiagnosticBag diagnostics)
    {
        if (Directory.Exists(Path.Combine(root, "lists")) || Directory.Exists(Path.Combine(root, "papers")))
        {
            return;
        }

        var nested = Directory.Exists(Path.Combine(root, "content", "lists"));
        diagnostics.Warning(DiagnosticCodes.NoContentFolders, SourceLocation.StartOf(display),
            "the content folder has neither lists/ nor papers/, so the site has no papers",
            nested
                ? $"pass --content {display.TrimEnd('/')}/content, the folder inside it that holds lists/"
                : "pass --content with the folder that holds lists/ and topics.yml, or add lists/ with a Markdown list");
    }

    /// <summary>The lists' or paper files' Markdown files, links, special files and names that cannot be slugs left out (and reported).</summary>
    private static IEnumerable<ContentFile> Find(string root, string display, DocumentKind kind, DiagnosticBag diagnostics) =>
        ContentFiles.Find(root, display, kind == DocumentKind.List ? "lists" : "papers", ".md", diagnostics)
            .Where(f => HasSlugNames(f, Shown(display, f), diagnostics))
            .Select(f => new ContentFile(f, kind));

    /// <summary>Parses one Markdown content file from text; the loader and tests share it.</summary>
    public static SourceDocument Parse(string path, string relativePath, DocumentKind kind, string text, DiagnosticBag diagnostics)
    {
        // A lone CR ends a line for Markdig and YAML alike; make it '\n' (same length, so every offset stays) so that
        // front-matter detection and line numbers agree with what editors show.
        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = LoneCr().Replace(text, "\n");
        }

        ControlCharacters.Report(path, text, diagnostics);
        var frontMatter = FrontMatter.None(path);
        var bodyStart = 0;
        var lines = text.Split('\n');
        if (lines.Length > 0 && lines[0].TrimEnd('\r', ' ', '\t') == "---")
        {
            var close = Array.FindIndex(lines, 1, l => l.TrimEnd('\r', ' ', '\t') is "---" or "...");
            if (close < 0)
            {
                diagnostics.Error(DiagnosticCodes.FrontMatterUnclosed, new SourceLocation(path, 1, 1),
                    "the front-matter opened on line 1 is never closed",
                    "end the front-matter with a line that holds only `---`");
            }
            else
            {
                var yaml = string.Join('\n', lines[1..close]);
                frontMatter = FrontMatter.Parse(path, yaml, 2, diagnostics);
                bodyStart = Math.Min(text.Length, lines.Take(close + 1).Sum(l => l.Length + 1));
            }
        }

        // Every file is parsed, paper files too: the parse is where nesting too deep to render is refused, and
        // where unsafe links are found however they are spelt (entities included).
        var markdown = ParseMarkdown(path, text, diagnostics);
        return new SourceDocument(path, relativePath, kind, text, frontMatter, markdown) { BodyStart = bodyStart };
    }

    /// <summary>
    /// Markdig recurses into nested blocks and inlines, so nesting is bounded before it parses (line prefixes,
    /// open brackets) and checked again on the tree. A refused file reads as empty, with an error that blocks the build.
    /// </summary>
    private static MarkdownDocument ParseMarkdown(string path, string text, DiagnosticBag diagnostics)
    {
        if (ParseCost.Scan(text) is { } costly)
        {
            diagnostics.Error(DiagnosticCodes.ParseTooCostly, new SourceLocation(path, costly.Line, costly.Column),
                $"{costly.Message}: reading this would take minutes, so the file is not read",
                costly.Help);
            return new MarkdownDocument();
        }

        if (NestingGuard.ScanMarkdown(text) is { } deep)
        {
            ReportTooDeep(diagnostics, new SourceLocation(path, deep.Line, Math.Max(1, deep.Column)), $"{deep.Depth} levels");
            return new MarkdownDocument();
        }

        MarkdownDocument markdown;
        try
        {
            markdown = Markdown.Parse(text, MarkdownPipelines.Reading);
        }
        catch (ArgumentException)
        {
            // Markdig's own depth limit ("too deeply nested"): the scan above missed a form of nesting.
            ReportTooDeep(diagnostics, SourceLocation.StartOf(path), "too many levels");
            return new MarkdownDocument();
        }

        if (NestingGuard.FindTooDeep(markdown) is { } node)
        {
            ReportTooDeep(diagnostics, new SourceLocation(path, node.Node.Line + 1, node.Node.Column + 1), $"over {NestingGuard.MaxDepth} levels");
            return new MarkdownDocument();
        }

        if (MathNesting.FindTooDeep(text) is { } math)
        {
            diagnostics.Error(DiagnosticCodes.MathTooDeep, new SourceLocation(path, math.Line, math.Column),
                $"this math nests over {Render.TexToMathMl.MaxDepth} levels deep (groups, fractions, roots, scripts), so it cannot be converted",
                "write it flatter: no formula in a note needs that many levels");
        }

        return markdown;
    }

    private static void ReportTooDeep(DiagnosticBag diagnostics, SourceLocation location, string depth) =>
        diagnostics.Error(DiagnosticCodes.NestingTooDeep, location,
            $"the Markdown here nests {depth} deep (quotes, list items, brackets or emphasis); the limit is {NestingGuard.MaxDepth}, so the file is not read",
            "flatten the nesting: no reading list needs more than a few levels");

    /// <summary>
    /// Reads a file as strict UTF-8 within the size limit; null (with a diagnostic) when it cannot be content. It reads no
    /// more than the length the file reports, and never opens a file that reports none: pipes and devices report 0 (and
    /// <c>/dev/zero</c> never ends), so an empty file is read as empty without being opened.
    /// </summary>
    public static string? ReadText(string fullPath, string shownPath, DiagnosticBag diagnostics)
    {
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > MaxFileBytes)
            {
                diagnostics.Error(DiagnosticCodes.FileTooLarge, SourceLocation.StartOf(shownPath),
                    $"the file is {length / (1024 * 1024)} MB, over the {MaxFileBytes / (1024 * 1024)} MB limit",
                    "split it into several lists");
                return null;
            }

            if (length == 0)
            {
                return "";
            }

            var bytes = new byte[length];
            int read;
            using (var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
            {
                read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            }

            if (Array.IndexOf(bytes, (byte)0, 0, read) >= 0)
            {
                diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.StartOf(shownPath),
                    "the file holds binary data, not text", "remove it, or save it as UTF-8 Markdown");
                return null;
            }

            var text = StrictUtf8.GetString(bytes, 0, read);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.StartOf(shownPath),
                "the file is not valid UTF-8", "save the file as UTF-8");
            return null;
        }
        catch (IOException ex)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.StartOf(shownPath),
                $"the file cannot be read: {ex.Message}", "check that the file exists and is readable");
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.StartOf(shownPath),
                $"the file cannot be read: {ex.Message}", "check the file's permissions");
            return null;
        }
    }

    /// <summary>
    /// Whether a content file (a '/'-joined path under the content folder) may be read: a regular file reached through
    /// no link (see <see cref="ContentFiles"/>), with names that can be page slugs. Refusals are reported.
    /// </summary>
    public static bool MayRead(string root, string display, string relative, DiagnosticBag diagnostics) =>
        ContentFiles.IsPlainFile(root, relative, display, diagnostics) && HasSlugNames(relative, Shown(display, relative), diagnostics);

    /// <summary>
    /// A list's file name is its page's slug (<c>/lists/NAME/</c>), and a paper file's name is its id: below lists/ and
    /// papers/, every folder and file name must be one that a URL carries as it is (letters, digits, '-', '.', '_'; a
    /// list's in lowercase), never one the site would have to re-interpret.
    /// </summary>
    private static bool HasSlugNames(string relative, string shown, DiagnosticBag diagnostics)
    {
        var names = relative.Split('/');
        var isList = names[0] == "lists";
        for (var i = 1; i < names.Length; i++)
        {
            var last = i == names.Length - 1;
            var name = last && names[i].EndsWith(".md", StringComparison.Ordinal) ? names[i][..^3] : names[i];
            if (last && isList ? Read.Slug.IsSafe(name) : IsPlainName(name))
            {
                continue;
            }

            var what = last ? (isList ? "the list's page slug" : "a paper file's name") : "a folder of content";
            diagnostics.Error(DiagnosticCodes.FileNameNotSlug, SourceLocation.StartOf(shown),
                $"'{name}' cannot be {what}: names here are letters, digits, '-', '.' and '_' (a list's in lowercase), so the file is not read",
                $"rename it, e.g. to '{Read.Slug.FromText(name)}{(last ? ".md" : "")}'");
            return false;
        }

        return true;
    }

    /// <summary>A folder's or paper file's name: letters, digits, '-', '.' and '_', not hidden, no "..".</summary>
    private static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 120 && name[0] != '.' && !name.Contains("..", StringComparison.Ordinal)
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_');

    internal static SiteSettings LoadSettings(string root, string display, DiagnosticBag diagnostics)
    {
        if (ReadYamlFile(root, display, "site.yml", diagnostics) is not { } yaml)
        {
            return SiteSettings.Default;
        }

        var defaults = SiteSettings.Default;
        foreach (var unknown in yaml.Keys.Where(k => !SiteSettings.Keys.Contains(k)))
        {
            diagnostics.Warning(DiagnosticCodes.UnknownField, yaml.LocationOf(unknown),
                $"`{unknown}` is not a site.yml setting and is ignored",
                $"site.yml settings are: {string.Join(", ", SiteSettings.Keys)} (README, \"Content format\")");
        }

        var languages = yaml.GetStringList("languages", diagnostics).Where(l => IsLanguage(l, diagnostics)).Select(l => l.Value).ToImmutableArray();
        var baseKey = yaml.Node("baseUrl") is null && yaml.Node("base_url") is not null ? "base_url" : "baseUrl";
        return new SiteSettings(
            yaml.GetString("title", diagnostics) ?? defaults.Title,
            yaml.GetString("title_zh", diagnostics),
            yaml.GetString("description", diagnostics) ?? "",
            languages.IsEmpty ? defaults.Languages : languages,
            Checked(yaml, baseKey, SiteSettings.IsBasePath, "a path that starts with one '/'", "/paper-atlas/", diagnostics) ?? "/",
            Checked(yaml, "templates", path => SiteSettings.IsThemePath(path) && !Write.Folders.Overlap(Path.Combine(Path.GetDirectoryName(root) ?? root, path), root),
                "a folder beside content/ (never inside it)", "templates", diagnostics),
            Checked(yaml, "url", SiteSettings.IsSiteUrl, "the site's absolute http(s) address", "https://example.org/atlas/", diagnostics),
            ReadPaths(yaml, diagnostics),
            Checked(yaml, "external_images", v => v is "true" or "false", "`true` or `false`", "false", diagnostics) == "true");
    }

    /// <summary>True for a language tag (<c>en</c>, <c>zh</c>, <c>zh-Hans</c>); otherwise an error at its line.</summary>
    private static bool IsLanguage((string Value, SourceLocation Location) language, DiagnosticBag diagnostics)
    {
        if (SiteSettings.IsLanguageTag(language.Value))
        {
            return true;
        }

        diagnostics.Error(DiagnosticCodes.SettingsInvalid, language.Location,
            $"'{language.Value}' in `languages` is not a language tag", "write languages as tags such as `en`, `zh` or `zh-Hans`; the first is the language of the site's own words");
        return false;
    }

    /// <summary>A site.yml value of the form <paramref name="valid"/> accepts; null (with an error at its line) otherwise.</summary>
    private static string? Checked(FrontMatter yaml, string key, Func<string, bool> valid, string form, string example, DiagnosticBag diagnostics)
    {
        if (yaml.GetString(key, diagnostics) is not { } value)
        {
            return null;
        }

        if (valid(value))
        {
            return value;
        }

        diagnostics.Error(DiagnosticCodes.SettingsInvalid, yaml.LocationOf(key),
            $"`{key}` is '{value}', which is not {form}", $"write it as {form}, e.g. `{key}: {example}`");
        return null;
    }

    private static ImmutableArray<DeclaredReadingPath> ReadPaths(FrontMatter yaml, DiagnosticBag diagnostics)
    {
        if (yaml.Node("reading_paths") is not YamlSequenceNode sequence)
        {
            return [];
        }

        var paths = ImmutableArray.CreateBuilder<DeclaredReadingPath>();
        foreach (var fields in yaml.Mappings(sequence, DiagnosticCodes.SettingsInvalid,
            "each reading path needs `title` and `steps`", "write `- title: …` with `steps: [id, id]`", diagnostics))
        {
            var title = fields.GetString("title", diagnostics) ?? "Reading path";
            var steps = fields.GetStringList("steps", diagnostics).Select(s => s.Value).ToImmutableArray();
            paths.Add(new DeclaredReadingPath(title, steps));
        }

        return paths.ToImmutable();
    }

    /// <summary>A YAML settings file of the content folder, parsed; null when it is absent or unreadable.</summary>
    private static FrontMatter? ReadYamlFile(string root, string display, string name, DiagnosticBag diagnostics)
    {
        var shown = Shown(display, name);
        if (!ContentFiles.IsPlainFile(root, name, display, diagnostics) || ReadText(Path.Combine(root, name), shown, diagnostics) is not { } text)
        {
            return null;
        }

        ControlCharacters.Report(shown, text, diagnostics);
        return FrontMatter.ParseFile(shown, text, diagnostics);
    }

    internal static EquatableArray<Topic> LoadTopics(string root, string display, DiagnosticBag diagnostics)
    {
        if (ReadYamlFile(root, display, "topics.yml", diagnostics) is not { } yaml)
        {
            return [];
        }

        if (yaml.Node("topics") is not YamlSequenceNode sequence)
        {
            if (!yaml.IsEmpty)
            {
                diagnostics.Error(DiagnosticCodes.SettingsInvalid, yaml.LocationOf("topics"),
                    "topics.yml must hold a `topics:` list", "write `topics:` followed by `- id: …` entries");
            }

            return [];
        }

        var topics = new List<Topic>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var fields in yaml.Mappings(sequence, DiagnosticCodes.SettingsInvalid,
            "each topic must be a mapping with `id` and `name`", "write `- id: peft` then `name: …` below it", diagnostics))
        {
            var id = fields.GetString("id", diagnostics);
            if (id is null || !Read.Slug.IsSafe(id))
            {
                diagnostics.Error(DiagnosticCodes.SettingsInvalid, fields.LocationOf("id"),
                    $"topic id '{id}' is missing or not a lowercase slug", "use lowercase letters, digits and '-', e.g. `id: long-context`");
                continue;
            }

            if (seen.TryGetValue(id, out var first))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateTopic, fields.LocationOf("id"),
                    $"topic '{id}' is already defined at line {first.Line}", "merge the two entries or rename one");
                continue;
            }

            seen[id] = fields.LocationOf("id");
            var name = fields.GetString("name", diagnostics) ?? id;
            topics.Add(new Topic(
                id,
                name,
                fields.GetString("name_zh", diagnostics) ?? name,
                [.. fields.GetStringList("aliases", diagnostics).Select(a => a.Value)],
                fields.GetString("description", diagnostics) ?? ""));
        }

        return [.. topics];
    }

    internal static string DisplayRoot(string contentPath)
    {
        var shown = contentPath.Replace('\\', '/').TrimEnd('/');
        return shown.Length == 0 ? "." : shown;
    }

    internal static string Shown(string displayRoot, string relative) =>
        displayRoot == "." ? relative : $"{displayRoot}/{relative}";
}
