using System.Collections.Immutable;
using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using PaperAtlas.Load;
using PaperAtlas.Normalise;
using PaperAtlas.Read;

namespace PaperAtlas.Tests;

/// <summary>A list read from inline Markdown, with the diagnostics reading it produced.</summary>
internal sealed record FixtureReading(ListReading Reading, IReadOnlyList<Diagnostic> Diagnostics)
{
    public ImmutableArray<PaperMention> Mentions => Reading.Mentions;

    public PaperMention Single => Assert.Single(Reading.Mentions);

    public IEnumerable<Diagnostic> WithCode(string code) => Diagnostics.Where(d => d.Code == code);
}

/// <summary>A graph normalised from inline Markdown lists and paper files.</summary>
internal sealed record FixtureGraph(PaperGraph Graph, IReadOnlyList<Diagnostic> Diagnostics)
{
    public Paper Paper(string id) => Graph.Find(id) ?? throw new InvalidOperationException($"no paper {id}");

    public IEnumerable<Diagnostic> WithCode(string code) => Diagnostics.Where(d => d.Code == code);
}

/// <summary>Parses and reads inline Markdown the way the loader does, so tests need no files on disk.</summary>
internal static class Fixtures
{
    /// <summary>Joins lines with '\n', so fixtures can be written one line per argument with known line numbers.</summary>
    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    public static SourceDocument Parse(string markdown, DocumentKind kind, string file, DiagnosticBag diagnostics)
    {
        var relative = file.StartsWith("content/", StringComparison.Ordinal) ? file["content/".Length..] : file;
        return ContentLoader.Parse(file, relative, kind, markdown, diagnostics);
    }

    public static FixtureReading Read(string markdown, string file = "content/lists/fixture.md")
    {
        var diagnostics = new DiagnosticBag();
        var document = Parse(markdown, DocumentKind.List, file, diagnostics);
        var reading = ListReader.Read(document, diagnostics);
        return new FixtureReading(reading, diagnostics.ToSortedList());
    }

    public static (PaperMention? Mention, IReadOnlyList<Diagnostic> Diagnostics) ReadPaper(string markdown, string file = "content/papers/2106.09685.md")
    {
        var diagnostics = new DiagnosticBag();
        var document = Parse(markdown, DocumentKind.Paper, file, diagnostics);
        var mention = PaperFileReader.Read(document, diagnostics);
        return (mention, diagnostics.ToSortedList());
    }

    /// <summary>Loads, reads and normalises inline lists (file name → Markdown) into a graph.</summary>
    public static FixtureGraph Graph(params (string File, string Markdown)[] lists)
    {
        var diagnostics = new DiagnosticBag();
        var documents = lists.Select(l => Parse(l.Markdown, DocumentKind.List, l.File, diagnostics)).ToImmutableArray();
        var readings = documents.Select(d => ListReader.Read(d, diagnostics)).ToList();
        var content = new LoadedContent("content", SiteSettings.Default, [], []);
        var graph = Normaliser.Normalise(content, readings, [], diagnostics);
        return new FixtureGraph(graph, diagnostics.ToSortedList());
    }

    /// <summary>The 1-based column of <paramref name="text"/> on the 1-based <paramref name="line"/> of <paramref name="markdown"/>.</summary>
    public static int ColumnOf(string markdown, int line, string text) =>
        markdown.Split('\n')[line - 1].IndexOf(text, StringComparison.Ordinal) + 1;
}

/// <summary>A unique folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "paper-atlas-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Copies a folder (e.g. the real content/) into <paramref name="relative"/> and returns its path.</summary>
    public string CopyFrom(string source, string relative)
    {
        var target = PathOf(relative);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test on cleanup.
        }
    }
}

/// <summary>
/// The four seed lists from the frozen copy under Fixtures/seed, each read once, as the loader names them
/// (content/lists/&lt;id&gt;.md): what they hold is pinned, so a contribution to content/ never moves it.
/// </summary>
internal static class RealList
{
    private static readonly Dictionary<string, Lazy<FixtureReading>> Cache = new(StringComparer.Ordinal)
    {
        ["llmfreshman"] = new(() => ReadReal("llmfreshman")),
        ["llm-research-notes"] = new(() => ReadReal("llm-research-notes")),
        ["llm-paper-timeline"] = new(() => ReadReal("llm-paper-timeline")),
        ["llm-knowledge-report"] = new(() => ReadReal("llm-knowledge-report")),
    };

    public static FixtureReading Read(string listId) => Cache[listId].Value;

    private static FixtureReading ReadReal(string listId) =>
        Fixtures.Read(File.ReadAllText(Paths.Seed("lists", listId + ".md")), $"content/lists/{listId}.md");
}
