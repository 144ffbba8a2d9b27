using System.Diagnostics;
using System.Text;
using PaperAtlas.Diagnostics;
using PaperAtlas.Tests.Cli;

namespace PaperAtlas.Tests.Hostile;

/// <summary>
/// What a pull request tried (issue 14's table), as a stranger's or a careless contributor's content: links out of
/// content/, names that look like paths, math and links that stall the parser, settings that send readers elsewhere,
/// control characters that stop the feed. Links, pipes and odd names are made here, at test time, since git cannot
/// carry them all. Each must end in an error at its file and line from `atlas check`, and `atlas build` must refuse
/// the same content (exit 1, no stack trace, nothing from outside content/ published), each in a few seconds.
/// </summary>
public sealed class PullRequestReproTests : IDisposable
{
    /// <summary>
    /// Each command on one input. Alone, every repro takes under 5 s of wall time and about 1-3 s of CPU; the budget
    /// leaves room for a test run beside other builds on a 2-core machine, and still fails the 90-110 s of a quadratic.
    /// </summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(Debugger.IsAttached ? 600 : 15);

    private const string Secret = "root:x:0:0:SECRET-FROM-OUTSIDE";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A repro: how to make it in a fresh content/ folder, and the error it must give (code, file, line).</summary>
    private sealed record Repro(Action<string> Arrange, string Code, string File, int Line);

    private static readonly Dictionary<string, Repro> Repros = new(StringComparer.Ordinal)
    {
        ["link-to-a-file-outside"] = new(c => Link(c, "lists/passwd.md", "../../outside/passwd"), DiagnosticCodes.LinkRefused, "lists/passwd.md", 1),
        ["link-to-the-repository-config"] = new(c => Link(c, "lists/config.md", "../../.git/config"), DiagnosticCodes.LinkRefused, "lists/config.md", 1),
        ["link-to-dev-zero"] = new(c => Link(c, "papers/zero.md", "/dev/zero"), DiagnosticCodes.LinkRefused, "papers/zero.md", 1),
        ["link-loop"] = new(c => Link(c, "lists/loop", "."), DiagnosticCodes.LinkRefused, "lists/loop", 1),
        ["link-to-a-folder-outside"] = new(c => Link(c, "papers/more", "../../outside"), DiagnosticCodes.LinkRefused, "papers/more", 1),
        ["link-as-site-yml"] = new(c => Link(c, "site.yml", "../outside/passwd"), DiagnosticCodes.LinkRefused, "site.yml", 1),
        ["named-pipe"] = new(c => Pipe(Path.Combine(c, "lists", "pipe.md")), DiagnosticCodes.SpecialFileRefused, "lists/pipe.md", 1),
        ["backslash-traversal-name"] = new(c => Write(c, @"papers/..\..\outside\passwd.md", Paper("2106.09685", "LoRA")), DiagnosticCodes.FileNameNotSlug, @"papers/..\..\outside\passwd.md", 1),
        ["list-name-not-a-slug"] = new(c => Write(c, "lists/My List.md", "- [LoRA](https://arxiv.org/abs/2106.09685)\n"), DiagnosticCodes.FileNameNotSlug, "lists/My List.md", 1),
        ["theme-from-content"] = new(c =>
        {
            Write(c, "site.yml", "title: Evil\ntemplates: content/theme\n");
            Write(c, "theme/layout.sbn", "<script>alert(1)</script>{{ content }}");
        }, DiagnosticCodes.SettingsInvalid, "site.yml", 2),
        ["theme-above-content"] = new(c => Write(c, "site.yml", "templates: ../../etc\n"), DiagnosticCodes.SettingsInvalid, "site.yml", 1),
        ["math-frac-25000"] = new(c => Write(c, "papers/2106.09685.md", Paper("2106.09685", "LoRA") + "$" + Repeat("\\frac", 25_000) + "$\n"), DiagnosticCodes.MathTooDeep, "papers/2106.09685.md", 5),
        ["math-braces-30000"] = new(c => Write(c, "lists/math.md", "# Math\n\n$" + new string('{', 30_000) + "$\n"), DiagnosticCodes.MathTooDeep, "lists/math.md", 3),
        ["image-openers-20000"] = new(c => Write(c, "lists/images.md", "# Images\n\n" + Repeat("![a](", 20_000) + "\n"), DiagnosticCodes.ParseTooCostly, "lists/images.md", 3),
        ["reference-definitions-200000"] = new(c => Write(c, "lists/refs.md",
            string.Concat(Enumerable.Range(0, 200_000).Select(i => $"[r{i}]: https://example.org/{i}\n"))), DiagnosticCodes.ParseTooCostly, "lists/refs.md", 10_001),
        ["one-id-in-40000-rows"] = new(c => Write(c, "lists/rows.md", "## PEFT\n\n| 年份 | 名字 | 简介 | 精读 |\n| ---- | ---- | ---- | ---- |\n"
            + string.Concat(Enumerable.Range(0, 40_000).Select(i => $"| 2021 | [LoRA {i}](https://arxiv.org/abs/2106.09685) | x | |\n"))),
            DiagnosticCodes.TooManyMentions, "lists/rows.md", 5 + 100),
        ["two-lists-one-slug"] = new(c =>
        {
            Write(c, "lists/llmfreshman.md", "- [LoRA](https://arxiv.org/abs/2106.09685)\n");
            Write(c, "lists/sub/llmfreshman.md", "- [QLoRA](https://arxiv.org/abs/2305.14314)\n");
        }, DiagnosticCodes.DuplicateListSlug, "lists/sub/llmfreshman.md", 1),
        ["control-character-escaped-in-a-recent-title"] = new(c => Write(c, "papers/2501.00001.md",
            "---\nid: \"2501.00001\"\ntitle: \"Evil \\x01 title\"\nyear: 2025\n---\n"), DiagnosticCodes.ControlCharacter, "papers/2501.00001.md", 3),
        ["control-character-raw-in-a-list-title"] = new(c => Write(c, "lists/ctl.md",
            "| 年份 | 名字 | 简介 | 精读 |\n| ---- | ---- | ---- | ---- |\n| 2025 | [Evil \u0001 title](https://arxiv.org/abs/2501.00002) | x | |\n"),
            DiagnosticCodes.ControlCharacter, "lists/ctl.md", 3),
        ["terminal-escape-in-a-note"] = new(c => Write(c, "papers/2106.09685.md", Paper("2106.09685", "LoRA") + "note \u001b[2J\u001b[31m red\n"), DiagnosticCodes.ControlCharacter, "papers/2106.09685.md", 5),
        ["base-url-backslash"] = new(c => Write(c, "site.yml", "baseUrl: \"/\\\\evil.example/\"\n"), DiagnosticCodes.SettingsInvalid, "site.yml", 1),
        ["base-url-two-slashes"] = new(c => Write(c, "site.yml", "title: T\nbaseUrl: //evil.example/\n"), DiagnosticCodes.SettingsInvalid, "site.yml", 2),
        ["url-with-a-newline"] = new(c => Write(c, "site.yml", "url: \"https://example.org/\\nSitemap: https://evil.example/x\"\n"), DiagnosticCodes.SettingsInvalid, "site.yml", 1),
        ["url-javascript"] = new(c => Write(c, "site.yml", "url: \"javascript:alert(1)\"\n"), DiagnosticCodes.SettingsInvalid, "site.yml", 1),
    };

    public static TheoryData<string> ReproNames() => [.. Repros.Keys];

    [Theory]
    [MemberData(nameof(ReproNames))]
    public void Check_reports_the_repro_at_its_line_and_build_refuses_it(string name)
    {
        var repro = Repros[name];
        var (content, output) = Arrange(repro);

        var check = Timed("check", "--content", content);
        var build = Timed("build", "--content", content, "--output", output, "--templates", Path.Combine(Paths.Root, "templates"));

        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"{Shown(content, repro.File)}:{repro.Line}:", Line(check, repro.Code), StringComparison.Ordinal);
        Assert.Equal(1, build.ExitCode);
        Assert.Contains("build refused", build.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "a site was written");
        Assert.DoesNotContain('\u001b', check.Stderr + build.Stderr);
    }

    [Fact]
    public void A_theme_chosen_with_templates_inside_content_is_refused_by_build()
    {
        var (content, output) = Arrange(new Repro(c => CopyTheme(Path.Combine(c, "theme")), "", "", 0));

        var build = CliRun.Of("build", "--content", content, "--output", output, "--templates", Path.Combine(content, "theme"));

        Assert.Equal(1, build.ExitCode);
        Assert.Contains($" error {DiagnosticCodes.ThemeInsideContent}:", build.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("<meta http-equiv=\"Content-Security-Policy\" content=\"{{ site.csp }}\">")]
    [InlineData("<script src=\"{{ site.js }}\" defer></script>")]
    public void A_theme_whose_layout_drops_the_policy_or_the_site_script_is_refused(string line)
    {
        var (content, output) = Arrange(new Repro(_ => { }, "", "", 0));
        var theme = _temp.PathOf("theme");
        CopyTheme(theme);
        var layout = Path.Combine(theme, "layout.sbn");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace(line, "<script>alert(1)</script>", StringComparison.Ordinal));

        var build = CliRun.Of("build", "--content", content, "--output", output, "--templates", theme);

        Assert.Equal(1, build.ExitCode);
        Assert.Contains($"layout.sbn:1:1: error {DiagnosticCodes.LayoutWithoutSafeguards}:", build.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("content")]
    [InlineData("content/lists")]
    [InlineData(".")]
    [InlineData(".git")]
    [InlineData(".git/site")]
    [InlineData("templates")]
    public void An_output_that_is_holds_or_lies_inside_the_source_is_refused_and_nothing_is_deleted(string output)
    {
        var (content, _) = Arrange(new Repro(_ => { }, "", "", 0));
        CopyTheme(_temp.PathOf("templates"));
        var before = Tree(_temp.Root);

        var build = CliRun.Of("build", "--content", content, "--output", _temp.PathOf(output), "--templates", _temp.PathOf("templates"));

        Assert.Equal(1, build.ExitCode);
        Assert.Contains($" error {DiagnosticCodes.OutputOverSource}:", build.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Tree(_temp.Root));
    }

    [Fact]
    public void An_existing_folder_that_no_build_made_is_not_replaced()
    {
        var (content, output) = Arrange(new Repro(_ => { }, "", "", 0));
        _temp.Write("site/thesis.tex", "years of work");

        var build = CliRun.Of("build", "--content", content, "--output", output, "--templates", Path.Combine(Paths.Root, "templates"));

        Assert.Equal(1, build.ExitCode);
        Assert.Contains($" error {DiagnosticCodes.OutputNotOurs}:", build.Stderr, StringComparison.Ordinal);
        Assert.Equal("years of work", File.ReadAllText(_temp.PathOf("site/thesis.tex")));
    }

    [Fact]
    public void A_site_a_build_made_is_replaced_by_the_next_build()
    {
        var (content, output) = Arrange(new Repro(_ => { }, "", "", 0));
        var templates = Path.Combine(Paths.Root, "templates");
        Assert.Equal(0, CliRun.Of("build", "--content", content, "--output", output, "--templates", templates).ExitCode);
        File.WriteAllText(Path.Combine(output, "stale.html"), "old");

        var again = CliRun.Of("build", "--content", content, "--output", output, "--templates", templates);

        Assert.Equal(0, again.ExitCode);
        Assert.True(File.Exists(Path.Combine(output, PaperAtlas.Write.OutputFolder.MarkerName)));
        Assert.False(File.Exists(Path.Combine(output, "stale.html")));
    }

    [Fact]
    public void A_site_built_before_sites_carried_the_marker_is_replaced()
    {
        var (content, output) = Arrange(new Repro(_ => { }, "", "", 0));
        var templates = Path.Combine(Paths.Root, "templates");
        Assert.Equal(0, CliRun.Of("build", "--content", content, "--output", output, "--templates", templates).ExitCode);
        File.Delete(Path.Combine(output, PaperAtlas.Write.OutputFolder.MarkerName));

        var again = CliRun.Of("build", "--content", content, "--output", output, "--templates", templates);

        Assert.Equal(0, again.ExitCode);
        Assert.True(File.Exists(Path.Combine(output, PaperAtlas.Write.OutputFolder.MarkerName)));
    }

    /// <summary>A fresh content/ folder inside a repository (with a .git holding a secret, and a secret beside it), the repro made in it.</summary>
    private (string Content, string Output) Arrange(Repro repro)
    {
        _temp.Write(".git/config", "[http]\n\textraheader = AUTHORIZATION: basic SECRET-FROM-OUTSIDE\n");
        _temp.Write("outside/passwd", Secret + "\n");
        var content = _temp.PathOf("content");
        Write(content, "topics.yml", "topics:\n  - id: peft\n    name: PEFT\n    name_zh: 参数高效微调\n");
        Write(content, "lists/a.md", "---\ntitle: A list\nlang: en\n---\n## PEFT\n\n- [LoRA](https://arxiv.org/abs/2106.09685)\n");
        repro.Arrange(content);
        return (content, _temp.PathOf("site"));
    }

    private static CliRun Timed(params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var run = CliRun.Of(args);
        clock.Stop();
        run.AssertNoExceptionText();
        Assert.True(clock.Elapsed < Budget, $"atlas {args[0]} took {clock.Elapsed.TotalSeconds:F1} s (budget {Budget.TotalSeconds} s)");
        return run;
    }

    /// <summary>The diagnostic line of <paramref name="code"/> (an error), which the test then checks for its file and line.</summary>
    private static string Line(CliRun run, string code) =>
        run.StderrLines.FirstOrDefault(l => l.Contains($": error {code}:", StringComparison.Ordinal)) ?? $"no error {code} in:\n{run.Stderr}";

    private static string Shown(string content, string relative) => content.Replace('\\', '/') + "/" + relative;

    private static void Write(string content, string relative, string text)
    {
        var full = Path.Combine(content, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
    }

    private static void Link(string content, string relative, string target)
    {
        var full = Path.Combine(content, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
    }

    private static void Pipe(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static string Paper(string id, string title) => $"---\nid: \"{id}\"\ntitle: {title}\n---\n";

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static void CopyTheme(string target)
    {
        var source = Path.Combine(Paths.Root, "templates");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string Tree(string root) => string.Join('\n', Directory
        .EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
        .Select(p => Path.GetRelativePath(root, p) + (File.Exists(p) ? ":" + File.ReadAllText(p).Length : ""))
        .Order(StringComparer.Ordinal));
}
