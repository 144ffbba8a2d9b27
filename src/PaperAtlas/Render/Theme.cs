using System.Text;
using PaperAtlas.Diagnostics;
using PaperAtlas.Load;
using PaperAtlas.Write;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PaperAtlas.Render;

/// <summary>
/// The theme: Scriban templates (<c>*.sbn</c>, parsed once and reused for every page), UI strings in English and Chinese
/// (<c>strings.yml</c>), and static assets (<c>assets/</c>). The default theme is built in (<see cref="BuiltInTheme"/>); a
/// site's own theme folder overrides it file by file, as Hugo's layout lookup does: a folder holding only
/// <c>paper.sbn</c> changes only the paper pages, and its <c>strings.yml</c> replaces only the strings it names.
/// </summary>
public sealed class Theme
{
    private readonly Dictionary<string, Template> _templates;
    private readonly Dictionary<string, ThemeFile> _assets;
    private readonly System.Collections.Concurrent.ConcurrentQueue<Diagnostic> _renderErrors = new();

    // The context this thread renders with, and the theme it belongs to (its `partial` function is the theme's).
    [ThreadStatic]
    private static EscapingTemplateContext? t_context;
    [ThreadStatic]
    private static Theme? t_contextTheme;

    private Theme(Dictionary<string, Template> templates, ScriptObject strings, Dictionary<string, ThemeFile> assets)
    {
        _templates = templates;
        _assets = assets;
        Strings = strings;
        Assets = [.. assets.Keys.Order(StringComparer.Ordinal)];
    }

    public ScriptObject Strings { get; }

    /// <summary>The theme's static files, as paths relative to <c>assets/</c> ('/'-joined, in order).</summary>
    public IReadOnlyList<string> Assets { get; }

    /// <summary>The bytes of one of <see cref="Assets"/>: the site's own file where it has one, else the built-in one.</summary>
    public byte[] ReadAsset(string asset) => _assets[asset].Read();

    /// <summary>The pages every theme must have a template for.</summary>
    private static readonly string[] PageTemplates =
        ["layout", "home", "papers", "paper", "topics", "topic", "years", "year", "lists", "list", "search", "graph", "404"];

    /// <summary>
    /// The layout's two lines that keep the site safe, which a theme must keep as they are: the Content-Security-Policy
    /// (made by the build: <see cref="ContentSecurityPolicy"/>) and the site's own script. A theme that drops them is refused.
    /// </summary>
    public static readonly string[] RequiredLayoutLines =
    [
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{{ site.csp }}\">",
        "<script src=\"{{ site.js }}\" defer></script>",
    ];

    /// <summary>
    /// Loads the built-in theme with the files of <paramref name="folder"/> (null: none) in place of its own. The theme
    /// decides what runs in every reader's browser, so it is the maintainer's: a theme folder that is, holds or lies
    /// inside the content folder (which pull requests write) is refused, links in it are never followed, and the layout
    /// must keep <see cref="RequiredLayoutLines"/>. A template that names a partial no layer has is an error at its line.
    /// </summary>
    public static Theme? Load(string? folder, string contentPath, string language, DiagnosticBag diagnostics)
    {
        var files = BuiltInTheme.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var ok = true;
        if (folder is not null)
        {
            if (FolderFiles(folder, contentPath, diagnostics) is not { } own)
            {
                return null;
            }

            ok = own.Ok;
            foreach (var (relative, file) in own.Files)
            {
                files[relative] = file;
            }
        }

        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var (relative, file) in files.Where(f => IsTemplate(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var text = Encoding.UTF8.GetString(file.Read());
            var template = Template.Parse(text, file.Shown);
            foreach (var message in template.Messages)
            {
                ok = false;
                diagnostics.Error(DiagnosticCodes.TemplateError, new SourceLocation(file.Shown, message.Span.Start.Line + 1, message.Span.Start.Column + 1),
                    message.Message, "fix the template syntax");
            }

            if (!template.HasErrors)
            {
                TemplateIndentation.Strip(template);
            }

            var name = relative[..^4];
            if (name == "layout" && RequiredLayoutLines.FirstOrDefault(line => !text.Contains(line, StringComparison.Ordinal)) is { } missing)
            {
                ok = false;
                diagnostics.Error(DiagnosticCodes.LayoutWithoutSafeguards, SourceLocation.StartOf(file.Shown),
                    $"the layout does not hold the line `{missing}`; without it pages lose their Content-Security-Policy or the site's script",
                    "keep that line in the layout's <head> exactly as written (see docs/theme.md)");
            }

            templates[name] = template;
        }

        foreach (var page in PageTemplates.Where(p => !templates.ContainsKey(p)))
        {
            ok = false;
            diagnostics.Error(DiagnosticCodes.TemplateError, SourceLocation.StartOf(folder is null ? BuiltInTheme.Shown : Shown(folder)),
                $"the theme has no {page}.sbn", "copy it from the default theme (templates/)");
        }

        ok &= PartialReferences.Check(templates, diagnostics);
        var strings = new ScriptObject();
        foreach (var file in new[] { BuiltInTheme.Files.GetValueOrDefault(StringsFile), folder is null ? null : files.GetValueOrDefault(StringsFile) }.OfType<ThemeFile>().Distinct())
        {
            AddStrings(strings, file, language, diagnostics);
        }

        var assets = files.Where(f => f.Key.StartsWith(AssetsPrefix, StringComparison.Ordinal)).ToDictionary(f => f.Key[AssetsPrefix.Length..], f => f.Value, StringComparer.Ordinal);
        return ok ? new Theme(templates, strings, assets) : null;
    }

    private const string StringsFile = "strings.yml";
    private const string AssetsPrefix = "assets/";

    private static bool IsTemplate(string relative) => relative.EndsWith(".sbn", StringComparison.Ordinal) && !relative.StartsWith(AssetsPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The files of a site's theme folder (templates, strings.yml, assets/), each by its '/'-joined path; null, with an
    /// error, when the folder is missing or overlaps the content folder. <c>Ok</c> is false when a file in it was refused.
    /// </summary>
    private static (Dictionary<string, ThemeFile> Files, bool Ok)? FolderFiles(string folder, string contentPath, DiagnosticBag diagnostics)
    {
        var shown = Shown(folder);
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DiagnosticCodes.TemplateError, SourceLocation.StartOf(shown),
                "the templates folder does not exist", "pass --templates with a theme folder, or leave it out to use the built-in theme");
            return null;
        }

        if (Folders.Overlap(folder, contentPath))
        {
            diagnostics.Error(DiagnosticCodes.ThemeInsideContent, SourceLocation.StartOf(shown),
                "the theme folder and the content folder overlap; content comes from pull requests, and a theme there would let one choose what runs in readers' browsers",
                "keep the theme beside content/ (e.g. templates/), never inside it");
            return null;
        }

        var found = new DiagnosticBag();
        var relatives = ContentFiles.Find(folder, shown, "", ".sbn", found).Where(IsTemplate)
            .Concat(ContentFiles.Find(folder, shown, "assets", "", found));
        var refused = found.ToSortedList();
        var ok = refused.Count == 0;
        foreach (var diagnostic in refused)
        {
            diagnostics.Add(diagnostic);
        }

        var files = relatives.ToDictionary(r => r, r => ThemeFile.OnDisk(folder, r, Shown(Path.Combine(folder, r))), StringComparer.Ordinal);
        if (new FileInfo(Path.Combine(folder, StringsFile)) is { Exists: true } or { LinkTarget: not null })
        {
            if (ContentFiles.IsPlainFile(folder, StringsFile, shown, diagnostics))
            {
                files[StringsFile] = ThemeFile.OnDisk(folder, StringsFile, Shown(Path.Combine(folder, StringsFile)));
            }
            else
            {
                ok = false;
            }
        }

        return (files, ok);
    }

    /// <summary>
    /// Renders a page with its template, then wraps it in <c>layout</c>; returns the page as UTF-8, in this thread's
    /// reused buffer (valid until the thread renders its next page: write it out first).
    /// </summary>
    public ReadOnlySpan<byte> RenderPage(string templateName, ScriptObject globals)
    {
        if (t_context is null || !ReferenceEquals(t_contextTheme, this))
        {
            t_context = NewContext();
            t_contextTheme = this;
        }

        var context = t_context;
        context.PushGlobal(globals);
        var finished = false;
        try
        {
            // The page's text is never copied into the layout: where the layout prints `content`, the place is marked,
            // and the page is encoded from the layout's buffer with the page's spliced in there (a paper table of
            // 100,000 rows is 100 MB of text; copying ten thousand paper pages was a tenth of render pages' time).
            var page = Render(templateName, context, content =>
            {
                globals.SetValue("content", new BufferedHtml(content), readOnly: false);
                return Render("layout", context, layout => context.Buffers.Encode(layout, context.TakeSplice(layout)));
            });
            finished = true;
            return page;
        }
        catch (ScriptRuntimeException error)
        {
            // A template's mistake (a name that is not there) is the theme's diagnostic, not the build's crash.
            _renderErrors.Enqueue(new Diagnostic(Severity.Error, DiagnosticCodes.TemplateFailed, error.OriginalMessage,
                new SourceLocation(error.Span.FileName ?? templateName, error.Span.Start.Line + 1, error.Span.Start.Column + 1),
                "fix the template at this line"));
            return [];
        }
        finally
        {
            if (finished)
            {
                // The page's globals (and whatever its templates assigned) go; the context stays for the next page.
                context.PopGlobal();
            }
            else
            {
                // A render that threw may have left loops, locals or outputs pushed: never reuse that context.
                t_context = null;
            }
        }
    }

    /// <summary>
    /// The errors templates made while rendering since the last call (each at its template's line), sorted; a build
    /// with any must not publish what it rendered.
    /// </summary>
    public IReadOnlyList<Diagnostic> TakeRenderErrors()
    {
        var bag = new DiagnosticBag();
        while (_renderErrors.TryDequeue(out var error))
        {
            bag.Add(error);
        }

        return bag.ToSortedList();
    }

    /// <summary>
    /// A context for one thread, reused page after page: a new one per page costs its setup and, above all, its
    /// cache of reflected member accessors, rebuilt for every model type on every page. Each page pushes its own
    /// globals on top and pops them, so nothing a page assigns reaches the next.
    /// </summary>
    private EscapingTemplateContext NewContext()
    {
        var context = new EscapingTemplateContext { StrictVariables = true, LoopLimit = 1_000_000, LimitToString = 0, EnableRelaxedMemberAccess = false };
        var builtins = new ScriptObject();
        builtins.Import("partial", new Func<TemplateContext, string, object?, RawHtml>(RenderPartial));
        context.PushGlobal(builtins);
        return context;
    }

    /// <summary>
    /// <c>{{ partial "name" item }}</c> prints the partial where it stands: it writes into the output of the template
    /// that calls it, rather than into a string of its own that is then copied there (so it is a statement, not a value).
    /// </summary>
    private RawHtml RenderPartial(TemplateContext context, string name, object? item)
    {
        var locals = new ScriptObject { ["it"] = item };
        context.PushGlobal(locals);
        try
        {
            Evaluate("partials/" + name, context);
            return RawHtml.Empty;
        }
        finally
        {
            context.PopGlobal();
        }
    }

    /// <summary>
    /// Evaluates a template into one of the context's reused buffers and hands the text to <paramref name="take"/>.
    /// What <c>Template.Render</c> does, without its fresh <c>StringBuilder</c> per call: growing and dropping those
    /// was a fifth of a 10,000-paper build's render time, most of it in the collector.
    /// </summary>
    private T Render<T>(string name, EscapingTemplateContext context, Func<StringBuilder, T> take)
        where T : allows ref struct
    {
        var output = context.Buffers.Rent();
        context.PushOutput(output);
        try
        {
            Evaluate(name, context);
            return take(output.Builder);
        }
        finally
        {
            context.PopOutput();
            context.Buffers.Return(output);
        }
    }

    /// <summary>Evaluates a template into the context's current output, as <c>Template.Render</c> does minus its <c>ToString</c>.</summary>
    private void Evaluate(string name, TemplateContext context)
    {
        if (!_templates.TryGetValue(name, out var template) || template.Page is not { } page)
        {
            // A name made at render time (a literal one is checked when the theme loads): an error at the calling line.
            throw new ScriptRuntimeException(context.CurrentSpan, $"the template '{name}.sbn' exists neither in the site's theme nor in the built-in one");
        }

        context.PushSourceFile(template.SourceFilePath ?? name);
        try
        {
            var result = context.Evaluate(page);
            if (result is not null && context.EnableOutput)
            {
                context.Write(page.Span, result);
            }
        }
        finally
        {
            context.PopSourceFile();
        }
    }

    /// <summary>Adds the strings of <paramref name="file"/> in English, then in <paramref name="language"/>, over those already there.</summary>
    private static void AddStrings(ScriptObject strings, ThemeFile file, string language, DiagnosticBag diagnostics)
    {
        var yaml = FrontMatter.ParseFile(file.Shown, Encoding.UTF8.GetString(file.Read()), diagnostics);
        foreach (var lang in new[] { "en", language })
        {
            if (yaml.Node(lang) is YamlDotNet.RepresentationModel.YamlMappingNode mapping)
            {
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } k } && value is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } v })
                    {
                        strings.SetValue(k, v, readOnly: false);
                    }
                }
            }
        }
    }

    private static string Shown(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path).Replace('\\', '/');
}
