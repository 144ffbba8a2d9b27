using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using PaperAtlas.Cli;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace PaperAtlas.Tests.Workflow;

/// <summary>
/// The pull-request workflow (.github/workflows/check.yml) is the single source of truth for what CI runs: this runs its
/// own <c>run:</c> steps, in order, as bash the way GitHub's runner does, on a clone of the working tree with a
/// contributor's change applied (a new paper file from <c>atlas new</c> and a new list row). It fails when a step stops
/// working here. The <c>uses:</c> steps are what this machine already has: the clone, the SDK, the NuGet cache.
/// </summary>
[Trait("Category", "Workflow")]
public sealed partial class CheckWorkflowTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(20);

    private static readonly string WorkflowPath = Path.Combine(Paths.Root, ".github", "workflows", "check.yml");

    /// <summary>What the workflow's <c>${{ }}</c> expressions are on a pull request into main.</summary>
    private static readonly Dictionary<string, string> PullRequestIntoMain = new(StringComparer.Ordinal)
    {
        ["github.base_ref || github.event.repository.default_branch"] = "main",
    };

    /// <summary>Papers to contribute: the first no content file mentions yet is added, so the test never collides with the atlas.</summary>
    private static readonly (string Id, string Title, string Nickname)[] Contributions =
    [
        ("2501.12948", "DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning", "DeepSeek-R1"),
        ("2402.03300", "DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open Language Models", "DeepSeekMath"),
        ("2412.19437", "DeepSeek-V3 Technical Report", "DeepSeek-V3"),
    ];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [GeneratedRegex(@"\$\{\{\s*(.*?)\s*\}\}")]
    private static partial Regex Expression();

    [WorkflowFact]
    public void Every_run_step_of_the_check_workflow_passes_in_order_on_a_clone_with_a_contribution()
    {
        var job = Assert.Single(WorkflowFile.Read(WorkflowPath).Jobs.Values);
        var (clone, paper) = CloneWithContribution();
        var files = new StepFiles(_temp.PathOf("runner"));
        var outputs = new List<(WorkflowFile.Step Step, string Output)>();

        foreach (var step in job.Steps.Where(s => s.Run is not null))
        {
            var (exitCode, text, elapsed) = RunStep(step, clone, files, WorkflowFile.Read(WorkflowPath).Env.Concat(job.Env));
            output.WriteLine($"── {step} ({elapsed.TotalSeconds:0} s, exit {exitCode})\n{Tail(text, 40)}");
            Assert.True(exitCode == 0, $"step '{step}' exited {exitCode} after {elapsed.TotalSeconds:0} s:\n{Tail(text, 60)}");
            outputs.Add((step, text));
        }

        var summary = File.ReadAllText(files.Summary);
        Assert.Contains("### In the files this pull request changes", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot tell which files changed", string.Concat(outputs.Select(o => o.Output)), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(clone, "site", "papers", paper, "index.html")), "the contributed paper has its page");
        Assert.Contains(outputs, o => o.Output.Contains("Only content/ changed: the browser tests are skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_steps_take_expressions_only_through_env_so_they_run_the_same_here()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Root, ".github", "workflows"), "*.yml"))
        {
            var steps = WorkflowFile.Read(file).Jobs.Values.SelectMany(j => j.Steps).Where(s => s.Run is not null).ToList();
            Assert.All(steps, s => Assert.DoesNotContain("${{", s.Run!, StringComparison.Ordinal));
            Assert.All(steps, s => Assert.Null(s.If));
            Assert.All(steps, s => Assert.True(s.Shell is null or "bash", $"{Path.GetFileName(file)}: '{s}' runs in {s.Shell}, not bash"));
        }
    }

    [Fact]
    public void The_readme_shows_every_one_line_run_step_of_the_check_workflow()
    {
        var readme = File.ReadAllText(Path.Combine(Paths.Root, "README.md"));
        var commands = Assert.Single(WorkflowFile.Read(WorkflowPath).Jobs.Values).Steps.Select(s => s.Run?.Trim()).OfType<string>().Where(r => !r.Contains('\n', StringComparison.Ordinal));

        Assert.All(commands, command => Assert.Contains(command, readme, StringComparison.Ordinal));
    }

    /// <summary>The files a GitHub runner gives each step: the job summary, and GITHUB_ENV / GITHUB_OUTPUT to pass values on.</summary>
    private sealed class StepFiles
    {
        public StepFiles(string folder)
        {
            Directory.CreateDirectory(folder);
            (Folder, Summary, Env, Output) = (folder, Path.Combine(folder, "summary.md"), Path.Combine(folder, "env"), Path.Combine(folder, "output"));
            foreach (var file in new[] { Summary, Env, Output })
            {
                File.WriteAllText(file, "");
            }
        }

        public string Folder { get; }

        public string Summary { get; }

        public string Env { get; }

        public string Output { get; }
    }

    /// <summary>The working tree (uncommitted changes included) copied into a new repository whose main is origin/main, with a contribution committed on a branch.</summary>
    private (string Clone, string Paper) CloneWithContribution()
    {
        var clone = _temp.PathOf("repo");
        var files = GitRepo.At(Paths.Root).Run("ls-files", "-z", "--cached", "--others", "--exclude-standard").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in files.Where(f => File.Exists(Path.Combine(Paths.Root, f))))
        {
            var target = Path.Combine(clone, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Paths.Root, file), target);
        }

        var repo = GitRepo.InitWithEverything(clone);
        repo.Run("update-ref", "refs/remotes/origin/main", "HEAD");
        repo.Run("checkout", "-q", "-b", "contribution");
        var paper = Contribute(Path.Combine(clone, "content"));
        repo.CommitAll("Add " + paper);
        return (clone, paper);
    }

    /// <summary>What CONTRIBUTING.md tells a contributor to do: `atlas new`, fill in title, topics and nicknames, and add a list row.</summary>
    private static string Contribute(string content)
    {
        var everything = string.Concat(Directory.EnumerateFiles(content, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        var (id, title, nickname) = Contributions.First(c => !everything.Contains(c.Id, StringComparison.Ordinal));

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.True(AtlasCommand.Run(["new", id, "--content", content], stdout, stderr, _ => null) == 0, stderr.ToString());
        var paperFile = Path.Combine(content, "papers", id + ".md");
        var topic = FirstTopic(Path.Combine(content, "topics.yml"));
        var lines = File.ReadAllLines(paperFile).Select(line =>
            line.StartsWith("title:", StringComparison.Ordinal) ? $"title: \"{title}\""
            : line.StartsWith("topics:", StringComparison.Ordinal) ? $"topics: [{topic}]"
            : line.StartsWith("aliases:", StringComparison.Ordinal) ? $"aliases: [{nickname}]"
            : line);
        File.WriteAllLines(paperFile, lines);

        var list = Path.Combine(content, "lists", "llmfreshman.md");
        var rows = File.ReadAllLines(list).ToList();
        var beside = rows.FindIndex(r => r.StartsWith("| **", StringComparison.Ordinal) && r.Count(c => c == '|') == 4 && r.Contains("arxiv.org/abs/", StringComparison.Ordinal));
        Assert.True(beside >= 0, "llmfreshman.md has no three-cell table row with an arXiv link to add a row beside");
        rows.Insert(beside + 1, $"| **{nickname}** | {title} | [arXiv:{id}](https://arxiv.org/abs/{id}) |");
        File.WriteAllLines(list, rows);
        return id;
    }

    private static string FirstTopic(string topicsFile)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(topicsFile)));
        var topics = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["topics"];
        return ((YamlScalarNode)((YamlMappingNode)topics[0])["id"]).Value!;
    }

    /// <summary>Runs one step's script as GitHub's runner does on Linux: bash --noprofile --norc -eo pipefail, in the workspace.</summary>
    private static (int ExitCode, string Output, TimeSpan Elapsed) RunStep(WorkflowFile.Step step, string workspace, StepFiles files, IEnumerable<KeyValuePair<string, string>> jobEnv)
    {
        var script = Path.Combine(files.Folder, "step.sh");
        File.WriteAllText(script, step.Run);
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Path.Combine(workspace, step.WorkingDirectory ?? "."), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--noprofile", "--norc", "-eo", "pipefail", script })
        {
            start.ArgumentList.Add(arg);
        }

        // Workflow and job env, then what earlier steps put in GITHUB_ENV, then the step's own env, as on a runner.
        var passedOn = File.ReadAllLines(files.Env).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).Select(p => KeyValuePair.Create(p[0], p[1]));
        foreach (var (name, value) in jobEnv.Concat(passedOn).Concat(step.Env))
        {
            start.Environment[name] = Expression().Replace(value, m => PullRequestIntoMain.TryGetValue(m.Groups[1].Value, out var known)
                ? known
                : throw new InvalidOperationException($"the test does not know what `{m.Value}` is on a pull request; add it to {nameof(PullRequestIntoMain)}"));
        }

        start.Environment["CI"] = "true";
        start.Environment["GITHUB_WORKSPACE"] = workspace;
        start.Environment["GITHUB_STEP_SUMMARY"] = files.Summary;
        start.Environment["GITHUB_ENV"] = files.Env;
        start.Environment["GITHUB_OUTPUT"] = files.Output;
        start.Environment["RUNNER_TEMP"] = files.Folder;
        start.Environment[WorkflowFactAttribute.InsideVariable] = "1";
        // No MSBuild worker nodes left running after the clone's build.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var text = new StringBuilder();
        var gate = new Lock();
        void Append(object _, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (gate)
                {
                    text.Append(e.Data).Append('\n');
                }
            }
        }

        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(StepTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, text + $"\n(killed after {StepTimeout.TotalMinutes:0} minutes)", clock.Elapsed);
        }

        process.WaitForExit();
        lock (gate)
        {
            return (process.ExitCode, text.ToString(), clock.Elapsed);
        }
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));
}
