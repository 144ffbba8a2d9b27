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
public sealed class CheckWorkflowTests(ITestOutputHelper output) : IDisposable
{
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

    [WorkflowFact]
    public void Every_run_step_of_the_check_workflow_passes_in_order_on_a_clone_with_a_contribution()
    {
        var job = Assert.Single(WorkflowFile.Read(WorkflowPath).Jobs.Values);
        var (clone, paper) = CloneWithContribution();
        var runner = new WorkflowRunner(_temp.PathOf("runner"), PullRequestIntoMain);
        var outputs = new List<(WorkflowFile.Step Step, string Output)>();

        foreach (var step in job.Steps.Where(s => s.Run is not null))
        {
            var (exitCode, text, elapsed) = runner.Run(step, clone, WorkflowFile.Read(WorkflowPath).Env.Concat(job.Env));
            output.WriteLine($"── {step} ({elapsed.TotalSeconds:0} s, exit {exitCode})\n{WorkflowRunner.Tail(text, 40)}");
            Assert.True(exitCode == 0, $"step '{step}' exited {exitCode} after {elapsed.TotalSeconds:0} s:\n{WorkflowRunner.Tail(text, 60)}");
            outputs.Add((step, text));
        }

        var summary = File.ReadAllText(runner.Summary);
        Assert.Contains("### In the files this pull request changes", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot tell which files changed", string.Concat(outputs.Select(o => o.Output)), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(clone, "site", "papers", paper, "index.html")), "the contributed paper has its page");
        Assert.Contains(outputs, o => o.Output.Contains("Only content/ changed: the browser tests are skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_steps_take_expressions_only_through_env_so_they_run_the_same_here()
    {
        // This repository's workflows, and those `atlas init` writes for a new atlas.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Root, ".github", "workflows"), "*.yml").Concat(Directory.EnumerateFiles(Paths.StarterWorkflows, "*.yml")))
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

    /// <summary>The working tree (uncommitted changes included) copied into a new repository whose main is origin/main, with a contribution committed on a branch.</summary>
    private (string Clone, string Paper) CloneWithContribution()
    {
        var clone = _temp.PathOf("repo");
        var repo = WorkflowRunner.CloneWorkingTree(clone);
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
}
