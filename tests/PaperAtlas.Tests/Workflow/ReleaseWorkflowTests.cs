using System.Diagnostics;
using Xunit.Abstractions;

namespace PaperAtlas.Tests.Workflow;

/// <summary>
/// The release workflow (.github/workflows/release.yml) runs its own <c>run:</c> steps on a tagged clone of the working
/// tree: pack, check the version, install the package and start an atlas with it (attaching to a GitHub release needs
/// GitHub, so that step is left out; publishing to NuGet runs, and without the secret says so and does nothing). Then,
/// with the tool it installed, in a folder outside any repository, what a maintainer of another list does: `atlas
/// --version`, `atlas init`, a seed list, `atlas build` with the built-in theme, a `templates/paper.sbn` of their own, and
/// the new atlas's own check workflow (whose `dotnet tool restore` finds the package where it was packed).
/// </summary>
[Trait("Category", "Workflow")]
public sealed class ReleaseWorkflowTests(ITestOutputHelper output) : IDisposable
{
    private const string Tag = "v9.8.7";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [WorkflowFact]
    public void A_tag_packs_a_tool_that_installs_anywhere_and_starts_builds_and_checks_a_new_atlas()
    {
        var repo = WorkflowRunner.CloneWorkingTree(_temp.PathOf("repo"));
        repo.Run("tag", Tag);
        var runner = new WorkflowRunner(_temp.PathOf("runner"), new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["github.ref"] = "refs/tags/" + Tag,
            ["github.ref_name"] = Tag,
            ["secrets.NUGET_API_KEY"] = "",
        });
        RunSteps(runner, Path.Combine(Paths.Root, ".github", "workflows", "release.yml"), repo.Root, step => !step.Run!.Contains("gh release", StringComparison.Ordinal));
        var feed = Path.Combine(repo.Root, "dist");
        Assert.True(File.Exists(Path.Combine(feed, $"PaperAtlas.{Tag[1..]}.nupkg")));

        var atlas = Path.Combine(runner.Folder, "tool", "atlas");
        var version = Atlas(atlas, _temp.Root, "--version").Trim();
        Assert.StartsWith(Tag[1..] + "+", version, StringComparison.Ordinal);

        var atlasFolder = _temp.PathOf("user/my-atlas");
        Atlas(atlas, Directory.CreateDirectory(_temp.PathOf("user")).FullName, "init", "my-atlas");
        File.Copy(Path.Combine(Paths.Root, "tests", "PaperAtlas.Tests", "Fixtures", "seed", "content", "lists", "llm-research-notes.md"), Path.Combine(atlasFolder, "content", "lists", "llm-research-notes.md"));
        Assert.StartsWith("built ", Atlas(atlas, atlasFolder, "build"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(atlasFolder, "templates")), "init wrote a theme folder");
        var before = Files(Path.Combine(atlasFolder, "site"));
        Assert.Contains("papers/2106.09685/index.html", before.Keys);

        Directory.CreateDirectory(Path.Combine(atlasFolder, "templates"));
        File.WriteAllText(Path.Combine(atlasFolder, "templates", "paper.sbn"), "<p>my paper page</p>\n");
        Atlas(atlas, atlasFolder, "build");
        var after = Files(Path.Combine(atlasFolder, "site"));
        var changed = before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)).ToList();
        var paperPages = before.Keys.Where(k => k.StartsWith("papers/", StringComparison.Ordinal) && k.Count(c => c == '/') == 2 && k != "papers/index.html").ToList();
        Assert.Equal(paperPages.Order(StringComparer.Ordinal), changed.Order(StringComparer.Ordinal));
        Assert.All(paperPages, p => Assert.Contains("<p>my paper page</p>", after[p], StringComparison.Ordinal));

        // The new atlas as init wrote it, and its pull-request workflow: `dotnet tool restore` installs the version init
        // pinned, from the feed a NuGet.Config above the atlas names (as NuGet would give it), into a package folder and
        // a dotnet home of the test's own: in the machine's, a later run would find this run's package (and the
        // resolver's note of where it was) under the same version.
        File.WriteAllText(_temp.PathOf("user/NuGet.Config"), $"<configuration><packageSources><add key=\"release\" value=\"{feed}\" /></packageSources></configuration>");
        Directory.Delete(Path.Combine(atlasFolder, "templates"), recursive: true);
        File.Delete(Path.Combine(atlasFolder, "content", "lists", "llm-research-notes.md"));
        var atlasRepo = GitRepo.InitWithEverything(atlasFolder);
        atlasRepo.Run("update-ref", "refs/remotes/origin/main", "HEAD");
        var machine = new Dictionary<string, string>(StringComparer.Ordinal) { ["NUGET_PACKAGES"] = _temp.PathOf("nuget-packages"), ["DOTNET_CLI_HOME"] = _temp.PathOf("dotnet-home") };
        var check = new WorkflowRunner(_temp.PathOf("check-runner"),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["github.base_ref || github.event.repository.default_branch"] = "main" }, machine);
        RunSteps(check, Path.Combine(atlasFolder, ".github", "workflows", "check.yml"), atlasFolder, _ => true);
        Assert.True(File.Exists(Path.Combine(atlasFolder, "site", "papers", "1706.03762", "index.html")));

        // And its deploy workflow's build job, at the address GitHub Pages would give it.
        var deploy = new WorkflowRunner(_temp.PathOf("deploy-runner"),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["steps.pages.outputs.base_url"] = "https://octocat.github.io/my-atlas" }, machine);
        RunSteps(deploy, Path.Combine(atlasFolder, ".github", "workflows", "deploy.yml"), atlasFolder, _ => true, job: "build");
        Assert.Contains("https://octocat.github.io/my-atlas/papers/1706.03762/", File.ReadAllText(Path.Combine(atlasFolder, "site", "sitemap.xml")), StringComparison.Ordinal);
    }

    private void RunSteps(WorkflowRunner runner, string workflowPath, string workspace, Func<WorkflowFile.Step, bool> include, string? job = null)
    {
        var workflow = WorkflowFile.Read(workflowPath);
        var steps = job is null ? Assert.Single(workflow.Jobs.Values) : workflow.Jobs[job];
        foreach (var step in steps.Steps.Where(s => s.Run is not null && include(s)))
        {
            var (exitCode, text, elapsed) = runner.Run(step, workspace, workflow.Env.Concat(steps.Env));
            output.WriteLine($"── {Path.GetFileName(workflowPath)}: {step} ({elapsed.TotalSeconds:0} s, exit {exitCode})\n{WorkflowRunner.Tail(text, 30)}");
            Assert.True(exitCode == 0, $"step '{step}' exited {exitCode}:\n{WorkflowRunner.Tail(text, 60)}");
        }
    }

    /// <summary>Runs the installed tool; what it printed on stdout, after asserting it exited 0.</summary>
    private static string Atlas(string atlas, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(atlas, args) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"atlas {string.Join(' ', args)} exited {process.ExitCode}:\n{stderr.Result}");
        return stdout.Result;
    }

    private static Dictionary<string, string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
}
