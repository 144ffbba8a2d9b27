using System.Text.Json;
using PaperAtlas.Cli;
using PaperAtlas.Init;
using PaperAtlas.Tests.Workflow;

namespace PaperAtlas.Tests.Cli;

/// <summary>`atlas init [DIR]`: a new atlas that checks clean and builds with the built-in theme, with nothing else.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Init_writes_settings_topics_an_example_list_workflows_gitignore_and_readme()
    {
        var run = CliRun.Of("init", _temp.PathOf("my-atlas"));

        Assert.Equal(0, run.ExitCode);
        string[] expected =
        [
            ".config/dotnet-tools.json", ".github/workflows/check.yml", ".github/workflows/deploy.yml", ".gitignore", "README.md",
            "content/lists/example.md", "content/site.yml", "content/topics.yml",
        ];
        Assert.Equal(expected, Directory.EnumerateFiles(_temp.PathOf("my-atlas"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_temp.PathOf("my-atlas"), f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Contains("cd " + _temp.PathOf("my-atlas").Replace('\\', '/') + " && atlas serve", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_atlas_checks_clean_and_builds_its_two_papers_with_the_built_in_theme()
    {
        var atlas = _temp.PathOf("my-atlas");
        CliRun.Of("init", atlas);

        var check = CliRun.Of("check", "--strict", "--content", Path.Combine(atlas, "content"));
        var build = CliRun.Of("build", "--content", Path.Combine(atlas, "content"), "--output", Path.Combine(atlas, "site"));

        Assert.Equal(0, check.ExitCode);
        Assert.Contains(": 0 error(s), 0 warning(s)", check.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, build.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(atlas, "templates")));
        Assert.True(File.Exists(Path.Combine(atlas, "site", "papers", "1706.03762", "index.html")));
        Assert.True(File.Exists(Path.Combine(atlas, "site", "papers", "2106.09685", "index.html")));
        Assert.True(File.Exists(Path.Combine(atlas, "site", "assets", "site.css")));
    }

    [Fact]
    public void Init_pins_the_running_tool_in_the_manifest_the_workflows_restore()
    {
        var atlas = _temp.PathOf("my-atlas");
        CliRun.Of("init", atlas);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(atlas, NewAtlas.ToolManifest)));
        var tool = manifest.RootElement.GetProperty("tools").GetProperty("paperatlas");
        Assert.Equal(ToolVersion.Package, tool.GetProperty("version").GetString());
        Assert.Equal("atlas", Assert.Single(tool.GetProperty("commands").EnumerateArray()).GetString());
    }

    [Fact]
    public void Init_refuses_a_folder_that_is_not_empty_and_touches_nothing_in_it()
    {
        _temp.Write("mine/notes.md", "mine");

        var run = CliRun.Of("init", _temp.PathOf("mine"));

        Assert.Equal(AtlasCommand.UsageError, run.ExitCode);
        Assert.Contains("is not empty", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Equal(["notes.md"], Directory.EnumerateFileSystemEntries(_temp.PathOf("mine")).Select(Path.GetFileName));
    }

    [Fact]
    public void Init_writes_into_an_empty_folder_that_is_already_there()
    {
        Directory.CreateDirectory(_temp.PathOf("empty"));

        Assert.Equal(0, CliRun.Of("init", _temp.PathOf("empty")).ExitCode);
        Assert.True(File.Exists(_temp.PathOf("empty/content/site.yml")));
    }

    [Theory]
    [InlineData("check.yml", "check")]
    [InlineData("deploy.yml", "build")]
    public void The_new_atlas_workflows_run_this_repositorys_atlas_commands_from_the_installed_tool(string file, string job)
    {
        var ours = Commands(Path.Combine(Paths.Root, ".github", "workflows", file), job, "dotnet run --project src/PaperAtlas.Cli --no-build -- ", "dotnet run --project src/PaperAtlas.Cli -- ");
        var theirs = WorkflowFile.Read(Path.Combine(Paths.StarterWorkflows, file)).Jobs[job].Steps.Select(s => s.Run).OfType<string>().ToList();

        Assert.Equal(ours, Commands(Path.Combine(Paths.StarterWorkflows, file), job, "dotnet atlas "));
        Assert.Contains("dotnet tool restore", theirs);
        Assert.DoesNotContain(theirs, run => run.Contains("src/", StringComparison.Ordinal) || run.Contains("dotnet build", StringComparison.Ordinal) || run.Contains("dotnet test", StringComparison.Ordinal));
    }

    /// <summary>The atlas commands a workflow's job runs, with how it runs atlas cut off (`check --strict …`).</summary>
    private static List<string> Commands(string workflow, string job, params string[] prefixes) =>
        [.. WorkflowFile.Read(workflow).Jobs[job].Steps.Select(s => s.Run?.Trim()).OfType<string>()
            .Select(run => prefixes.FirstOrDefault(p => run.StartsWith(p, StringComparison.Ordinal)) is { } prefix ? run[prefix.Length..] : null)
            .OfType<string>()];
}
