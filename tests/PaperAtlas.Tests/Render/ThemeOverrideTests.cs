using PaperAtlas.Diagnostics;
using PaperAtlas.Render;
using PaperAtlas.Tests.Cli;

namespace PaperAtlas.Tests.Render;

/// <summary>
/// The default theme is built in; a site's own theme folder (templates/ beside content/, --templates, or site.yml's
/// `templates:`) overrides it file by file, as Hugo's layout lookup does.
/// </summary>
public sealed class ThemeOverrideTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _content;

    public ThemeOverrideTests()
    {
        _content = _temp.CopyFrom(Path.Combine(Paths.Root, "tests", "PaperAtlas.Tests", "Fixtures", "site", "content"), "content");
    }

    public void Dispose() => _temp.Dispose();

    private static string RepositoryTheme => Path.Combine(Paths.Root, "templates");

    [Fact]
    public void The_built_in_theme_is_the_repositorys_templates_folder_file_for_file()
    {
        var onDisk = Directory.EnumerateFiles(RepositoryTheme, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(RepositoryTheme, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

        Assert.Equal(onDisk.Keys.Order(StringComparer.Ordinal), BuiltInTheme.Files.Keys.Order(StringComparer.Ordinal));
        Assert.All(onDisk, file => Assert.Equal(file.Value, BuiltInTheme.Files[file.Key].Read()));
    }

    [Fact]
    public void A_site_without_a_theme_folder_builds_byte_for_byte_as_with_the_repositorys_templates()
    {
        var builtIn = Build("built-in");
        var repository = Build("repository", "--templates", RepositoryTheme);

        Assert.Equal(repository, builtIn);
    }

    [Fact]
    public void A_theme_folder_holding_only_paper_sbn_changes_the_paper_pages_and_nothing_else()
    {
        var before = Build("before");
        _temp.Write("templates/paper.sbn", "<p>my paper page</p>\n");

        var after = Build("after");

        var changed = Changed(before, after);
        Assert.NotEmpty(changed);
        Assert.All(changed, path => Assert.Matches(@"^papers/[^/]+/index\.html$", path));
        Assert.Equal(before.Keys.Count(p => p.StartsWith("papers/", StringComparison.Ordinal) && p != "papers/index.html" && p.EndsWith("/index.html", StringComparison.Ordinal)), changed.Count);
        Assert.All(changed, path => Assert.Contains("<p>my paper page</p>", after[path], StringComparison.Ordinal));
        Assert.All(changed, path => Assert.Contains("<meta http-equiv=\"Content-Security-Policy\"", after[path], StringComparison.Ordinal));
    }

    [Fact]
    public void A_strings_file_of_the_sites_own_replaces_only_the_strings_it_names()
    {
        var before = Build("before");
        _temp.Write("templates/strings.yml", Fixtures.Lines("en:", "  papers: Readings", "zh:", "  papers: 阅读"));

        var after = Build("after");

        Assert.Contains(">Readings</a>", after["index.html"], StringComparison.Ordinal);
        Assert.DoesNotContain(">Papers</a>", after["index.html"], StringComparison.Ordinal);
        Assert.Contains(">Topics</a>", after["index.html"], StringComparison.Ordinal);
        Assert.Equal(before["assets/site.css"], after["assets/site.css"]);
    }

    [Fact]
    public void An_asset_of_the_sites_own_replaces_that_asset_and_the_others_stay_built_in()
    {
        var before = Build("before");
        _temp.Write("templates/assets/site.css", "body { color: teal; }\n");
        _temp.Write("templates/assets/extra.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");

        var after = Build("after");

        Assert.Equal(["assets/extra.svg", "assets/site.css"], Changed(before, after));
        Assert.Equal("body { color: teal; }\n", after["assets/site.css"]);
    }

    [Fact]
    public void A_partial_that_exists_nowhere_is_PA409_at_its_line_and_nothing_is_written()
    {
        _temp.Write("templates/topic.sbn", Fixtures.Lines("<h1>{{ page.title }}</h1>", "{{ partial \"paper-list\" model.papers }}"));

        var run = CliRun.Of("build", "--content", _content, "--output", _temp.PathOf("site"));

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.StderrLines, l => l.Contains($" error {DiagnosticCodes.TemplateMissing}: ", StringComparison.Ordinal));
        Assert.Contains($"templates/topic.sbn:2:4: error {DiagnosticCodes.TemplateMissing}: ", error, StringComparison.Ordinal);
        Assert.Contains("partials/paper-list.sbn", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.PathOf("site")));
        run.AssertNoExceptionText();
    }

    [Fact]
    public void A_template_that_names_what_a_page_lacks_is_PA410_at_its_line_and_the_previous_site_stays()
    {
        Assert.Equal(0, CliRun.Of("build", "--content", _content, "--output", _temp.PathOf("site")).ExitCode);
        var previous = File.ReadAllText(_temp.PathOf("site/index.html"));
        _temp.Write("templates/paper.sbn", Fixtures.Lines("<h1>{{ model.row.title }}</h1>", "<p>{{ model.no_such_field.title }}</p>"));

        var run = CliRun.Of("build", "--content", _content, "--output", _temp.PathOf("site"));

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.StderrLines, l => l.Contains($" error {DiagnosticCodes.TemplateFailed}: ", StringComparison.Ordinal));
        Assert.Contains("templates/paper.sbn:2:", error, StringComparison.Ordinal);
        Assert.Equal(previous, File.ReadAllText(_temp.PathOf("site/index.html")));
        run.AssertNoExceptionText();
    }

    [Fact]
    public void A_templates_folder_named_on_the_command_line_must_exist()
    {
        var run = CliRun.Of("build", "--content", _content, "--output", _temp.PathOf("site"), "--templates", _temp.PathOf("nowhere"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($" error {DiagnosticCodes.TemplateError}: the templates folder does not exist", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layout_of_the_sites_own_without_the_policy_line_is_refused()
    {
        var layout = System.Text.Encoding.UTF8.GetString(BuiltInTheme.Files["layout.sbn"].Read());
        _temp.Write("templates/layout.sbn", layout.Replace(Theme.RequiredLayoutLines[0], "", StringComparison.Ordinal));

        var run = CliRun.Of("build", "--content", _content, "--output", _temp.PathOf("site"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"layout.sbn:1:1: error {DiagnosticCodes.LayoutWithoutSafeguards}:", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Builds the fixture content (with templates/ beside it when the test wrote one) and reads back every file.</summary>
    private Dictionary<string, string> Build(string name, params string[] extra)
    {
        var output = _temp.PathOf(name);
        var run = CliRun.Of(["build", "--content", _content, "--output", output, .. extra]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(output, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
    }

    private static List<string> Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)).Order(StringComparer.Ordinal)];
}
