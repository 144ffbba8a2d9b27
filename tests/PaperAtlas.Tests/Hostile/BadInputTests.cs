using System.Diagnostics;
using System.Text;
using PaperAtlas.Diagnostics;
using PaperAtlas.Load;
using PaperAtlas.Tests.Cli;

namespace PaperAtlas.Tests.Hostile;

/// <summary>
/// The bad-input corpus (tests/PaperAtlas.Tests/BadInput, described by its expected.txt) and generated cases too big
/// to commit: each is answered with its diagnostic at its line, quickly, and `atlas check` prints no stack trace.
/// </summary>
public sealed class BadInputTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(Debugger.IsAttached ? 600 : 20);

    private static string Corpus => Path.Combine(Paths.Root, "tests", "PaperAtlas.Tests", "BadInput");

    /// <summary>One line of expected.txt.</summary>
    public sealed record Case(string File, string PlacedAs, string Code, int Line, IReadOnlyList<(string File, string PlacedAs)> Companions)
    {
        public override string ToString() => File;
    }

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Manifest())
        {
            data.Add(c.File);
        }

        return data;
    }

    public static IReadOnlyList<Case> Manifest() =>
        [.. File.ReadAllLines(Path.Combine(Corpus, "expected.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => new Case(p[0], p[1], p[2], int.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture),
                [.. p.Skip(4).Select(c => c.Split('=')).Select(c => (c[0], c[1]))]))];

    [Fact]
    public void Every_corpus_file_is_in_the_manifest()
    {
        var named = Manifest().SelectMany(c => c.Companions.Select(x => x.File).Prepend(c.File)).ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(Corpus).Select(Path.GetFileName).Where(f => f is not ("expected.txt" or ".gitattributes"));
        Assert.All(files, f => Assert.Contains(f!, named));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Corpus_case_reports_its_diagnostic(string name)
    {
        var c = Manifest().Single(m => m.File == name);
        using var temp = new TempFolder();
        var content = PlaceCase(c, temp);
        var placedPaths = c.Companions.Select(x => x.PlacedAs).Prepend(c.PlacedAs).ToArray();
        AssertAnswered(content, c.Code, c.Line, placedPaths);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Build_never_fails_where_check_passed_on_a_corpus_case(string name)
    {
        using var temp = new TempFolder();
        AssertBuildAgreesWithCheck(PlaceCase(Manifest().Single(m => m.File == name), temp), temp);
    }

    [Theory]
    [MemberData(nameof(GeneratedNames))]
    public void Build_never_fails_where_check_passed_on_a_generated_case(string name)
    {
        using var temp = new TempFolder();
        var content = NewContent(temp);
        File.WriteAllText(Path.Combine(content, "lists", name + ".md"), Generate(name).Text, new UTF8Encoding(false));
        AssertBuildAgreesWithCheck(content, temp);
    }

    /// <summary>
    /// `atlas check` runs every step that can fail on content, so whatever `atlas build` refuses or fails on, check has
    /// refused first: the two exit with the same code, and neither prints a stack trace.
    /// </summary>
    internal static void AssertBuildAgreesWithCheck(string content, TempFolder temp)
    {
        var check = CliRun.Of("check", "--content", content);
        var build = CliRun.Of("build", "--content", content, "--output", temp.PathOf("site"), "--templates", Path.Combine(Paths.Root, "templates"));
        check.AssertNoExceptionText();
        build.AssertNoExceptionText();
        Assert.True(check.ExitCode == build.ExitCode, $"check exited {check.ExitCode}, build {build.ExitCode}:\n{build.Stderr}");
    }

    private static string PlaceCase(Case c, TempFolder temp)
    {
        var content = NewContent(temp);
        foreach (var (file, placed) in c.Companions.Prepend((c.File, c.PlacedAs)))
        {
            var target = Path.Combine(content, placed);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Corpus, file), target, overwrite: true);
        }

        return content;
    }

    public static TheoryData<string> GeneratedNames() =>
    [
        "quote-10000", "quote-spaced-10000", "list-10000", "ordered-list-10000", "indented-list-2000", "mixed-10000",
        "brackets-100000", "emphasis-5000", "yaml-flow-100000", "yaml-dashes-100000", "yaml-indent-3000",
        "list-10mb", "over-limit",
    ];

    [Theory]
    [MemberData(nameof(GeneratedNames))]
    public void Generated_case_reports_its_diagnostic(string name)
    {
        using var temp = new TempFolder();
        var content = NewContent(temp);
        var (text, code, line) = Generate(name);
        var path = Path.Combine(content, "lists", name + ".md");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        AssertAnswered(content, code, line, ["lists/" + name + ".md"]);
    }

    [Theory]
    [InlineData("quote-10000")]
    [InlineData("emphasis-5000")]
    public void Deep_nesting_in_a_paper_files_notes_is_refused_too(string name)
    {
        // Paper-file notes are rendered, so they are bounded like lists: a build must never meet what check let pass.
        using var temp = new TempFolder();
        var content = NewContent(temp);
        var (text, code, line) = Generate(name);
        const string FrontMatter = "---\nid: \"2106.09685\"\ntitle: LoRA\n---\n";
        File.WriteAllText(Path.Combine(content, "papers", "2106.09685.md"), FrontMatter + text, new UTF8Encoding(false));
        AssertAnswered(content, code, line + 4, ["papers/2106.09685.md"]);
    }

    private static (string Text, string Code, int Line) Generate(string name)
    {
        const string Head = "# Generated\n\n";
        const int Body = 3;
        string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();
        return name switch
        {
            "quote-10000" => (Head + new string('>', 10_000) + " deep\n", DiagnosticCodes.NestingTooDeep, Body),
            "quote-spaced-10000" => (Head + Repeat("> ", 10_000) + "deep\n", DiagnosticCodes.NestingTooDeep, Body),
            "list-10000" => (Head + Repeat("- ", 10_000) + "deep\n", DiagnosticCodes.NestingTooDeep, Body),
            "ordered-list-10000" => (Head + Repeat("1. ", 10_000) + "deep\n", DiagnosticCodes.NestingTooDeep, Body),
            "mixed-10000" => (Head + Repeat("> - ", 5_000) + "deep\n", DiagnosticCodes.NestingTooDeep, Body),
            // Each item two spaces right of its parent: nesting by indentation, one level per line.
            "indented-list-2000" => (Head + string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', 2 * i) + "- item\n")),
                DiagnosticCodes.NestingTooDeep, Body + NestingGuard.MaxDepth),
            "brackets-100000" => (Head + new string('[', 100_000) + "x\n", DiagnosticCodes.NestingTooDeep, Body),
            "emphasis-5000" => (Head + Repeat("*a ", 5_000) + "b" + Repeat(" c*", 5_000) + "\n", DiagnosticCodes.NestingTooDeep, Body),
            "yaml-flow-100000" => ("---\ntitle: x\ntags: " + new string('[', 100_000) + new string(']', 100_000) + "\n---\n", DiagnosticCodes.NestingTooDeep, 3),
            "yaml-dashes-100000" => ("---\ntags:\n  " + Repeat("- ", 100_000) + "x\n---\n", DiagnosticCodes.NestingTooDeep, 3),
            "yaml-indent-3000" => ("---\n" + string.Concat(Enumerable.Range(0, 3_000).Select(i => new string(' ', i) + "a:\n")) + "---\n",
                DiagnosticCodes.NestingTooDeep, 2 + (2 * (NestingGuard.MaxDepth + 1))),
            "list-10mb" => TenMegabyteList(),
            "over-limit" => (Repeat("- [LoRA](https://arxiv.org/abs/2106.09685) low-rank adaptation of large language models\n",
                (int)(ContentLoader.MaxFileBytes / 80) + 1000), DiagnosticCodes.FileTooLarge, 1),
            _ => throw new ArgumentException(name, nameof(name)),
        };
    }

    /// <summary>About 10 MB of prose under headings, then a table whose last row misses a cell.</summary>
    private static (string, string, int) TenMegabyteList()
    {
        var builder = new StringBuilder(11_000_000);
        builder.Append("---\ntitle: Ten megabytes\n---\n");
        var line = 4;
        for (var i = 0; builder.Length < 10_000_000; i++)
        {
            builder.Append("## Section ").Append(i).Append("\n\n");
            builder.Append("该论文 **提出** 了一种新的方法 with $d\\_k$ and *emphasis*, see note ").Append(i)
                .Append(" — 长文本 long text that goes on and on without any link at all. ").Append('x', 700).Append("\n\n");
            line += 4;
        }

        builder.Append("| 年份 | 名字 | 简介 | 精读 |\n| ---- | ---- | ---- | ---- |\n");
        builder.Append("| 2021 | [LoRA](https://arxiv.org/abs/2106.09685) | low rank |\n");
        return (builder.ToString(), DiagnosticCodes.TableRowCells, line + 2);
    }

    private static string NewContent(TempFolder temp)
    {
        var content = temp.PathOf("content");
        Directory.CreateDirectory(Path.Combine(content, "lists"));
        Directory.CreateDirectory(Path.Combine(content, "papers"));
        File.WriteAllText(Path.Combine(content, "topics.yml"), "topics:\n  - id: peft\n    name: PEFT\n    name_zh: 参数高效微调\n");
        return content;
    }

    private static void AssertAnswered(string content, string code, int line, string[] placedPaths)
    {
        var clock = Stopwatch.StartNew();
        var task = Task.Run(() => SiteBuilder.Analyse(content));
        Assert.True(task.Wait(Limit), $"analysis did not finish within {Limit.TotalSeconds} s");
        var diagnostics = task.Result.Diagnostics;
        var shown = string.Join('\n', diagnostics);
        Assert.All(diagnostics, d => Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1 && d.Location.File.Length > 0, d.ToString()));
        if (code == "none")
        {
            Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        }
        else
        {
            Assert.True(
                diagnostics.Any(d => d.Code == code && d.Location.Line == line && placedPaths.Any(p => d.Location.File.EndsWith("/" + p, StringComparison.Ordinal))),
                $"expected {code} at line {line} of {string.Join(" or ", placedPaths)} (after {clock.ElapsedMilliseconds} ms); got:\n{shown}");
        }

        var run = CliRun.Of("check", "--content", content);
        run.AssertNoExceptionText();
        Assert.Equal(diagnostics.Any(d => d.Severity == Severity.Error) ? 1 : 0, run.ExitCode);
    }
}
