using System.Globalization;
using PaperAtlas.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PaperAtlas.Load;

/// <summary>
/// The YAML mapping at the top of a content file, with typed accessors that report a wrong type or range
/// as a diagnostic on the line of the field, and the raw nodes for callers that need more.
/// </summary>
public sealed class FrontMatter
{
    private readonly YamlMappingNode? _root;
    private readonly int _lineOffset;

    private FrontMatter(string file, YamlMappingNode? root, int lineOffset, SourceLocation start)
    {
        File = file;
        _root = root;
        _lineOffset = lineOffset;
        Start = start;
    }

    public string File { get; }

    /// <summary>Where the front-matter starts (the opening <c>---</c>), or the file start when there is none.</summary>
    public SourceLocation Start { get; }

    public bool IsEmpty => _root is not { } root || root.Children.Count == 0;

    public static FrontMatter None(string file) => new(file, null, 0, SourceLocation.StartOf(file));

    public IEnumerable<string> Keys =>
        _root is not { } root ? [] : root.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    /// <summary>
    /// Parses YAML that starts on <paramref name="firstLine"/> of <paramref name="file"/> (1-based) so that
    /// every reported line is a line of the file, not of the YAML snippet.
    /// </summary>
    public static FrontMatter Parse(string file, string yaml, int firstLine, DiagnosticBag diagnostics) =>
        ParseMapping(file, yaml, firstLine, diagnostics, "front-matter");

    /// <summary>Parses a whole YAML file (site.yml, topics.yml) the same way.</summary>
    public static FrontMatter ParseFile(string file, string yaml, DiagnosticBag diagnostics) =>
        ParseMapping(file, yaml, 1, diagnostics, "YAML file");

    private static FrontMatter ParseMapping(string file, string yaml, int firstLine, DiagnosticBag diagnostics, string what)
    {
        var start = new SourceLocation(file, Math.Max(1, firstLine - 1), 1);
        if (NestingGuard.ScanYaml(yaml) is { } deep)
        {
            // YamlDotNet builds nested nodes recursively; thousands of levels would overflow the stack.
            diagnostics.Error(
                DiagnosticCodes.NestingTooDeep,
                new SourceLocation(file, deep.Line + firstLine - 1, deep.Column),
                $"the {what} nests {deep.Depth} levels deep; the limit is {NestingGuard.MaxDepth}, so it is not read",
                "write flat `field: value` lines; no field needs more than a few levels");
            return new FrontMatter(file, null, firstLine - 1, start);
        }

        // YAML also ends lines at U+0085, U+2028 and U+2029, which editors and Markdig do not: make them spaces
        // (same length) so that reported lines are the file's lines.
        yaml = yaml.Replace('\u0085', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ');
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var line = (int)ex.Start.Line + firstLine - 1;
            var column = (int)Math.Max(1, ex.Start.Column);
            diagnostics.Error(
                DiagnosticCodes.FrontMatterSyntax,
                new SourceLocation(file, Math.Max(1, line), column),
                $"the {what} is not valid YAML: {FirstSentence(ex)}",
                "fix the YAML syntax (quote values that contain ':' or '#', indent nested fields with spaces)");
            return new FrontMatter(file, null, firstLine - 1, start);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these, with no position and a message about its own state ("Operation is not valid due
            // to the current state of the object"), on unclosed flow collections ("[a,\nb: c") and on some broken
            // documents: point at the bracket never closed when there is one.
            var (line, column, message) = UnclosedBracket(yaml) is { } open
                ? (open.Line + firstLine - 1, open.Column, $"the `{open.Bracket}` opened here is never closed")
                : (Math.Max(1, firstLine), 1, "the parser could not read it (no position given)");
            diagnostics.Error(
                DiagnosticCodes.FrontMatterSyntax,
                new SourceLocation(file, line, column),
                $"the {what} is not valid YAML: {message}",
                "check that every `[` and `{` is closed, and quote values that contain ':' or '#'");
            return new FrontMatter(file, null, firstLine - 1, start);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new FrontMatter(file, null, firstLine - 1, start);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            diagnostics.Error(
                DiagnosticCodes.FrontMatterSyntax,
                new SourceLocation(file, (int)node.Start.Line + firstLine - 1, (int)node.Start.Column),
                $"the {what} must be a mapping of `field: value` lines",
                "write one `field: value` per line, e.g. `title: My list`");
            return new FrontMatter(file, null, firstLine - 1, start);
        }

        ReportControlCharacters(file, root, firstLine - 1, diagnostics);
        return new FrontMatter(file, root, firstLine - 1, start);
    }

    /// <summary>
    /// YAML's escapes (<c>"\x01"</c>, <c>"\e"</c>) make control characters that the file's text does not hold: every key
    /// and value is checked once it is parsed (<see cref="ControlCharacters"/>).
    /// </summary>
    private static void ReportControlCharacters(string file, YamlNode root, int lineOffset, DiagnosticBag diagnostics)
    {
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case YamlScalarNode { Value: { } value } scalar when value.Any(ControlCharacters.IsRefused):
                    var refused = value.First(ControlCharacters.IsRefused);
                    diagnostics.Error(DiagnosticCodes.ControlCharacter,
                        new SourceLocation(file, (int)scalar.Start.Line + lineOffset, (int)scalar.Start.Column),
                        $"this value holds the control character U+{(int)refused:X4} (written as an escape); control characters are not text and are refused in titles, ids and settings",
                        "remove the escape");
                    break;
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                    {
                        pending.Push(key);
                        pending.Push(value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The first flow bracket (<c>[</c> or <c>{</c>) that is never closed, skipping quoted scalars and comments; its
    /// 1-based line and column in <paramref name="yaml"/>. Null when every bracket is closed.
    /// </summary>
    internal static (int Line, int Column, char Bracket)? UnclosedBracket(string yaml)
    {
        var opened = new Stack<(int Line, int Column, char Bracket)>();
        var lines = yaml.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            var text = lines[l];
            char? quote = null;
            for (var c = 0; c < text.Length; c++)
            {
                var ch = text[c];
                if (quote is { } q)
                {
                    if (ch == '\\' && q == '"')
                    {
                        c++;
                    }
                    else if (ch == q)
                    {
                        quote = null;
                    }

                    continue;
                }

                var atScalarStart = c == 0 || text[c - 1] is ' ' or '\t' or '[' or '{' or ',';
                if (ch is '"' or '\'' && atScalarStart)
                {
                    quote = ch;
                }
                else if (ch == '#' && atScalarStart)
                {
                    break;
                }
                else if (ch is '[' or '{')
                {
                    opened.Push((l + 1, c + 1, ch));
                }
                else if (ch is ']' or '}' && opened.Count > 0)
                {
                    opened.Pop();
                }
            }
        }

        return opened.Count > 0 ? opened.Reverse().First() : null;
    }

    private static string FirstSentence(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var cut = message.IndexOf("). ", StringComparison.Ordinal);
        return cut > 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }

    /// <summary>A nested mapping read with the same accessors and line numbers as its parent.</summary>
    public FrontMatter Child(YamlMappingNode node) => new(File, node, _lineOffset, LocationOf(node));

    /// <summary>The items of a YAML list that are mappings, each as a <see cref="Child"/>; any other item is an error at its line.</summary>
    public IEnumerable<FrontMatter> Mappings(YamlSequenceNode sequence, string code, string message, string help, DiagnosticBag diagnostics)
    {
        foreach (var item in sequence)
        {
            if (item is YamlMappingNode mapping)
            {
                yield return Child(mapping);
            }
            else
            {
                diagnostics.Error(code, LocationOf(item), message, help);
            }
        }
    }

    public YamlNode? Node(string key) =>
        _root is { } root && root.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public SourceLocation LocationOf(YamlNode node) =>
        new(File, (int)node.Start.Line + _lineOffset, (int)node.Start.Column);

    /// <summary>The location of a field's key, or of the front-matter when it is absent.</summary>
    public SourceLocation LocationOf(string key)
    {
        if (_root is not { } root)
        {
            return Start;
        }

        var entry = root.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key);
        return entry is null ? Start : LocationOf(entry);
    }

    public string? GetString(string key, DiagnosticBag diagnostics)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
            default:
                diagnostics.Error(DiagnosticCodes.FrontMatterField, LocationOf(node),
                    $"`{key}` must be a single text value, not a {Describe(node)}",
                    $"write `{key}: some text` on one line");
                return null;
        }
    }

    public int? GetInt(string key, int min, int max, DiagnosticBag diagnostics)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text }
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min && value <= max)
            {
                return value;
            }

            diagnostics.Error(DiagnosticCodes.FrontMatterField, LocationOf(node),
                $"`{key}` is {value}, outside {min}–{max}", $"write a `{key}` between {min} and {max}");
            return null;
        }

        var shown = node is YamlScalarNode s ? $"'{s.Value}'" : $"a {Describe(node)}";
        diagnostics.Error(DiagnosticCodes.FrontMatterField, LocationOf(node),
            $"`{key}` must be a whole number, not {shown}", $"write a number, e.g. `{key}: {min + (max - min) / 2}`");
        return null;
    }

    /// <summary>A list of strings; a single scalar counts as a one-item list, as contributors write both.</summary>
    public IReadOnlyList<(string Value, SourceLocation Location)> GetStringList(string key, DiagnosticBag diagnostics)
    {
        var node = Node(key);
        return node is null ? [] : ReadStringList(key, node, diagnostics);
    }

    public IReadOnlyList<(string Value, SourceLocation Location)> ReadStringList(string key, YamlNode node, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case YamlScalarNode { Value: null or "" }:
                return [];
            case YamlScalarNode scalar when scalar.Style is ScalarStyle.Plain && IsNumber(scalar.Value!):
                diagnostics.Error(DiagnosticCodes.FrontMatterField, LocationOf(node),
                    $"`{key}` must be a list of names, not the number {scalar.Value}",
                    $"write `{key}: [first, second]`");
                return [];
            case YamlScalarNode scalar:
                return [(scalar.Value!.Trim(), LocationOf(node))];
            case YamlSequenceNode sequence:
                var items = new List<(string, SourceLocation)>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } value })
                    {
                        items.Add((value.Trim(), LocationOf(item)));
                    }
                    else
                    {
                        diagnostics.Error(DiagnosticCodes.FrontMatterField, LocationOf(item),
                            $"every item of `{key}` must be plain text, not a {Describe(item)}",
                            $"write `{key}: [first, second]`");
                    }
                }

                return items;
            default:
                diagnostics.Error(DiagnosticCodes.FrontMatterField, LocationOf(node),
                    $"`{key}` must be a list, not a {Describe(node)}", $"write `{key}: [first, second]`");
                return [];
        }
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    internal static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };
}
