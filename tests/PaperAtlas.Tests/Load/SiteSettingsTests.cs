using PaperAtlas.Diagnostics;
using PaperAtlas.Load;
using PaperAtlas.Tests.Cli;

namespace PaperAtlas.Tests.Load;

/// <summary>site.yml is checked like a paper file's fields: an unknown key at its line, values by their form.</summary>
public sealed class SiteSettingsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private (SiteSettings Settings, IReadOnlyList<Diagnostic> Diagnostics) Load(params string[] lines)
    {
        _temp.Write("content/site.yml", Fixtures.Lines(lines));
        var diagnostics = new DiagnosticBag();
        var content = ContentLoader.Load(_temp.PathOf("content"), diagnostics);
        return (content.Settings, diagnostics.ToSortedList());
    }

    [Fact]
    public void An_unknown_key_is_a_warning_at_its_line_naming_the_keys_there_are()
    {
        var (_, diagnostics) = Load("title: My atlas", "base_path: /atlas/");

        var warning = Assert.Single(diagnostics);
        Assert.Equal((Severity.Warning, DiagnosticCodes.UnknownField, 2, 1), (warning.Severity, warning.Code, warning.Location.Line, warning.Location.Column));
        Assert.Contains("`base_path` is not a site.yml setting", warning.Message, StringComparison.Ordinal);
        Assert.Contains("baseUrl", warning.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_setting_is_documented_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(Paths.Root, "README.md"));

        Assert.All(SiteSettings.Keys, key => Assert.Contains($"| `{key}` |", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_setting_the_starter_site_yml_names_is_one_there_is()
    {
        // Top-level keys, set or commented out ("# url: …"); not the words of a comment, nor keys nested under one.
        var starter = File.ReadAllLines(Path.Combine(Paths.Root, "src", "PaperAtlas", "Init", "starter", "content", "site.yml"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, "^(?:# )?([A-Za-z_]+):( |$)")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(starter);
        Assert.All(starter, key => Assert.Contains(key, SiteSettings.Keys));
    }

    [Fact]
    public void A_language_that_is_not_a_tag_is_an_error_at_its_line()
    {
        var (settings, diagnostics) = Load("languages:", "  - en", "  - \"zh\\\" onload=\\\"x\"");

        var error = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, DiagnosticCodes.SettingsInvalid, 3), (error.Severity, error.Code, error.Location.Line));
        Assert.Equal(["en"], settings.Languages.ToArray());
    }

    [Theory]
    [InlineData("[zh, en]", "我的论文图谱")]
    [InlineData("[en, zh]", "My atlas")]
    public void The_chinese_title_is_the_sites_title_where_its_own_words_are_chinese(string languages, string shown)
    {
        var content = _temp.CopyFrom(Path.Combine(Paths.Root, "tests", "PaperAtlas.Tests", "Fixtures", "site", "content"), "site-content");
        File.WriteAllText(Path.Combine(content, "site.yml"), Fixtures.Lines("title: My atlas", "title_zh: 我的论文图谱", $"languages: {languages}"));

        Assert.Equal(0, CliRun.Of("build", "--content", content, "--output", _temp.PathOf("site")).ExitCode);

        Assert.Contains($"<title>{shown}</title>", File.ReadAllText(_temp.PathOf("site/index.html")), StringComparison.Ordinal);
        Assert.Contains($"<title>{shown}</title>", File.ReadAllText(_temp.PathOf("site/feed.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_title_zh_a_chinese_site_shows_its_title()
    {
        var (settings, _) = Load("title: My atlas", "languages: [zh, en]");

        Assert.Equal("My atlas", settings.ShownTitle);
    }
}
