using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperAtlas.Diagnostics;
using PaperAtlas.Load;
using PaperAtlas.Read;

namespace PaperAtlas.Tests.Hostile;

/// <summary>Properties of front-matter reading over generated input (FsCheck; fixed replay seed, so runs repeat).</summary>
public sealed class FrontMatterProperties
{
    private static readonly string[] Pieces =
    [
        "id", "title", "year", "month", "topics", "aliases", "related", "links", ":", ": ", "- ", "  ", "\n", "[", "]", "{", "}",
        "\"", "'", "#", "&a", "*a", "!!int", "|", ">", "---", "...", "soon", "2023", "-1", "1e9", "中文", "😀", "\t", "\\", "null", "~",
    ];

    private static Gen<string> YamlLike =>
        Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts));

    [Property(MaxTest = 400, Replay = "(20240611,1)")]
    public Property Any_front_matter_is_read_without_throwing_and_every_diagnostic_has_a_place() =>
        Prop.ForAll(YamlLike.ToArbitrary(), yaml =>
        {
            var text = "---\n" + yaml + "\n---\nNotes.\n";
            var diagnostics = new DiagnosticBag();
            var document = ContentLoader.Parse("content/papers/x.md", "papers/x.md", DocumentKind.Paper, text, diagnostics);
            PaperFileReader.Read(document, diagnostics);
            ListReader.Read(document with { Kind = DocumentKind.List, RelativePath = "lists/x.md" }, diagnostics);
            var lines = text.Split('\n').Length;
            return diagnostics.ToSortedList().All(d => d.Location.Line >= 1 && d.Location.Line <= lines && d.Location.Column >= 1);
        });

    [Property(MaxTest = 300, Replay = "(7,11)")]
    public Property Any_string_as_yaml_file_never_throws(string? text) =>
        (text is null || FrontMatter.ParseFile("content/site.yml", text, new DiagnosticBag()) is not null).ToProperty();

    [Property(MaxTest = 200, Replay = "(3,5)")]
    public Property A_year_is_read_when_in_range_and_reported_on_its_line_when_not(int year)
    {
        var text = $"---\nid: \"2106.09685\"\ntitle: LoRA\nyear: {year}\n---\n";
        var (mention, diagnostics) = Fixtures.ReadPaper(text);
        var inRange = year is >= 1900 and <= 2100;
        return (inRange
            ? mention!.Year == year && diagnostics.All(d => d.Code != DiagnosticCodes.FrontMatterField)
            : mention!.Year is null && diagnostics.Any(d => d.Code == DiagnosticCodes.FrontMatterField && d.Location.Line == 4)).ToProperty();
    }
}
