using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace PaperAtlas.Tests.Workflow;

/// <summary>The scheduled metadata workflow (.github/workflows/fetch-metadata.yml): when it runs, what it passes, what it proposes.</summary>
public sealed class FetchWorkflowTests : IDisposable
{
    private static readonly string WorkflowPath = Path.Combine(Paths.Root, ".github", "workflows", "fetch-metadata.yml");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static WorkflowFile.Step FetchStep =>
        Assert.Single(WorkflowFile.Read(WorkflowPath).Jobs.Values.Single().Steps, s => s.Run?.Contains(" fetch", StringComparison.Ordinal) == true);

    [Fact]
    public void It_runs_weekly_and_on_demand()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(WorkflowPath)));
        var on = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["on"];

        var cron = ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)on["schedule"])[0])["cron"]).Value!.Split(' ');
        Assert.Equal(("*", "*"), (cron[2], cron[3]));
        Assert.Matches("^[0-6]$", cron[4]);
        Assert.True(on.Children.ContainsKey("workflow_dispatch"));
    }

    [Fact]
    public void The_fetch_asks_only_for_papers_without_a_record_with_the_key_from_the_secret_through_env()
    {
        Assert.Contains("atlas.Cli -- fetch --only-missing", FetchStep.Run!.Replace("PaperAtlas.Cli", "atlas.Cli", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("${{ secrets.S2_API_KEY }}", FetchStep.Env["S2_API_KEY"]);
    }

    [Fact]
    public void The_new_records_are_proposed_as_a_pull_request_of_content_metadata_alone()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(WorkflowPath)));
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"])["fetch"])["steps"];
        var proposal = steps.Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue("uses", out var uses) && ((YamlScalarNode)uses).Value!.StartsWith("peter-evans/create-pull-request@", StringComparison.Ordinal));

        Assert.Equal("peter-evans/create-pull-request@v8", ((YamlScalarNode)proposal["uses"]).Value);
        Assert.Equal("content/metadata/**", ((YamlScalarNode)((YamlMappingNode)proposal["with"])["add-paths"]).Value);
    }

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(1, 0, true)]
    [InlineData(2, 2, false)]
    public void A_fetch_that_failed_only_some_requests_still_proposes_what_it_fetched(int fetchExit, int stepExit, bool warns)
    {
        // The step's script as GitHub runs it (bash -eo pipefail), with a `dotnet` that exits as `atlas fetch` would.
        var bin = _temp.PathOf("bin");
        _temp.Write("bin/dotnet", $"#!/bin/sh\nexit {fetchExit}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(bin, "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--noprofile", "--norc", "-eo", "pipefail", "-c", FetchStep.Run! })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(stepExit, process.ExitCode);
        Assert.Equal(warns, output.Contains("::warning title=atlas fetch::", StringComparison.Ordinal));
    }
}
