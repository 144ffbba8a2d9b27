using PaperAtlas.Diagnostics;
using Scriban;
using Scriban.Syntax;

namespace PaperAtlas.Render;

/// <summary>
/// Finds every <c>{{ partial "name" … }}</c> whose name is written out and checks that some layer of the theme has
/// <c>partials/name.sbn</c>, so a theme that names a partial that exists nowhere is an error at its line when the theme
/// loads, not a failure halfway through rendering.
/// </summary>
internal sealed class PartialReferences : ScriptVisitor
{
    private readonly List<(string Name, ScriptNode Call)> _found = [];

    /// <summary>True when every partial the templates name exists; otherwise reports each one that does not.</summary>
    public static bool Check(IReadOnlyDictionary<string, Template> templates, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var (_, template) in templates.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (template.Page is not { } page)
            {
                continue;
            }

            var visitor = new PartialReferences();
            visitor.Visit(page);
            foreach (var (name, call) in visitor._found.Where(f => !templates.ContainsKey("partials/" + f.Name)))
            {
                ok = false;
                diagnostics.Error(DiagnosticCodes.TemplateMissing,
                    new SourceLocation(template.SourceFilePath ?? "theme", call.Span.Start.Line + 1, call.Span.Start.Column + 1),
                    $"`partial \"{name}\"` names partials/{name}.sbn, which exists neither in the site's theme nor in the built-in one",
                    $"add partials/{name}.sbn to the theme folder, or name a partial that exists");
            }
        }

        return ok;
    }

    public override void Visit(ScriptFunctionCall node)
    {
        if (node.Target is ScriptVariable { Name: "partial" } && node.Arguments.Count > 0 && node.Arguments[0] is ScriptLiteral { Value: string name })
        {
            _found.Add((name, node));
        }

        base.Visit(node);
    }
}
