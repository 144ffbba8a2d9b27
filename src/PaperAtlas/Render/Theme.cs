using System.Text;
using PaperAtlas.Diagnostics;
using PaperAtlas.Load;
using PaperAtlas.Write;
using Scriban;
using Scriban.Runtime;

namespace PaperAtlas.Render;

/// <summary>
/// A theme folder: Scriban templates (<c>*.sbn</c>, parsed once and reused for every page), UI strings in
/// English and Chinese (<c>strings.yml</c>), and static assets (<c>assets/</c>). Swap it with <c>--templates</c>.
/// </summary>
public sealed class Theme
{
    private readonly Dictionary<string, Template> _templates;

    // The context this thread renders with, and the theme it belongs to (its `partial` function is the theme's).
    [ThreadStatic]
    private static EscapingTemplateContext? t_context;
    [ThreadStatic]
    private static Theme? t_contextTheme;

    private Theme(string folder, Dictionary<string, Template> templates, ScriptObject strings, IReadOnlyList<string> assets)
    {
        Folder = folder;
        _templates = templates;
        Strings = strings;
        Assets = assets;
    }

    public string Folder { get; }

    public ScriptObject Strings { get; }

    /// <summary>The theme's static files, as paths relative to <see cref="AssetsFolder"/> ('/'-joined, in order).</summary>
    public IReadOnlyList<string> Assets { get; }

    public string AssetsFolder => Path.Combine(Folder, "assets");

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
    /// Loads a theme. The theme decides what runs in every reader's browser, so it is the maintainer's: a theme folder
    /// that is, holds or lies inside the content folder (which pull requests write) is refused, links in it are never
    /// followed, and its layout must keep <see cref="RequiredLayoutLines"/>.
    /// </summary>
    public static Theme? Load(string folder, string contentPath, string language, DiagnosticBag diagnostics)
    {
        var shown = Shown(folder);
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DiagnosticCodes.TemplateError, SourceLocation.StartOf(shown),
                "the templates folder does not exist", "pass --templates with a theme folder, or restore templates/");
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
        var files = ContentFiles.Find(folder, shown, "", ".sbn", found);
        var assets = ContentFiles.Find(folder, shown, "assets", "", found).Select(a => a["assets/".Length..]).ToList();
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var refused = found.ToSortedList();
        var ok = refused.Count == 0;
        foreach (var diagnostic in refused)
        {
            diagnostics.Add(diagnostic);
        }

        foreach (var relative in files)
        {
            var file = Path.Combine(folder, relative);
            var text = File.ReadAllText(file);
            var template = Template.Parse(text, file);
            foreach (var message in template.Messages)
            {
                ok = false;
                diagnostics.Error(DiagnosticCodes.TemplateError,
                    new SourceLocation(Shown(file), message.Span.Start.Line + 1, message.Span.Start.Column + 1),
                    message.Message, "fix the template syntax");
            }

            var name = relative[..^4];
            if (name == "layout" && RequiredLayoutLines.FirstOrDefault(line => !text.Contains(line, StringComparison.Ordinal)) is { } missing)
            {
                ok = false;
                diagnostics.Error(DiagnosticCodes.LayoutWithoutSafeguards, SourceLocation.StartOf(Shown(file)),
                    $"the layout does not hold the line `{missing}`; without it pages lose their Content-Security-Policy or the site's script",
                    "keep that line in the layout's <head> exactly as written (see docs/theme.md)");
            }

            templates[name] = template;
        }

        foreach (var page in PageTemplates.Where(p => !templates.ContainsKey(p)))
        {
            ok = false;
            diagnostics.Error(DiagnosticCodes.TemplateError, SourceLocation.StartOf(shown),
                $"the theme has no {page}.sbn", "copy it from the default theme (templates/)");
        }

        var stringsFile = Path.Combine(folder, "strings.yml");
        if (new FileInfo(stringsFile) is { Exists: true } or { LinkTarget: not null })
        {
            ok &= ContentFiles.IsPlainFile(folder, "strings.yml", shown, diagnostics);
        }

        return ok ? new Theme(folder, templates, LoadStrings(folder, language, diagnostics), assets) : null;
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
            throw new InvalidOperationException($"the theme has no template '{name}.sbn'");
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

    private static ScriptObject LoadStrings(string folder, string language, DiagnosticBag diagnostics)
    {
        var strings = new ScriptObject();
        var file = Path.Combine(folder, "strings.yml");
        if (!File.Exists(file))
        {
            return strings;
        }

        var yaml = FrontMatter.ParseFile(Shown(file), File.ReadAllText(file), diagnostics);
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

        return strings;
    }

    private static string Shown(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path).Replace('\\', '/');
}
