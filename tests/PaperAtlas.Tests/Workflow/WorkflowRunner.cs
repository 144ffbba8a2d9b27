using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperAtlas.Tests.Workflow;

/// <summary>
/// Runs a workflow's <c>run:</c> steps as GitHub's Linux runner does: bash --noprofile --norc -eo pipefail, in the
/// workspace, with the environment the workflow, the job, earlier steps (GITHUB_ENV) and the step itself give, and the
/// files a runner gives each step (the job summary, GITHUB_ENV, GITHUB_OUTPUT, RUNNER_TEMP).
/// </summary>
/// <param name="expressions">What each <c>${{ }}</c> expression the workflow's env uses stands for in the event being played.</param>
/// <param name="machine">Environment variables of the machine the runner is on (set before the workflow's own).</param>
internal sealed partial class WorkflowRunner(string folder, IReadOnlyDictionary<string, string> expressions, IReadOnlyDictionary<string, string>? machine = null)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(20);

    [GeneratedRegex(@"\$\{\{\s*(.*?)\s*\}\}")]
    private static partial Regex Expression();

    public string Folder { get; } = Created(folder);

    public string Summary => File(Path.Combine(Folder, "summary.md"));

    public string Env => File(Path.Combine(Folder, "env"));

    public string Output => File(Path.Combine(Folder, "output"));

    /// <summary>The working tree (uncommitted changes included) copied into a new repository at <paramref name="target"/>, on main with everything committed.</summary>
    public static GitRepo CloneWorkingTree(string target)
    {
        var files = GitRepo.At(Paths.Root).Run("ls-files", "-z", "--cached", "--others", "--exclude-standard").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in files.Where(f => System.IO.File.Exists(Path.Combine(Paths.Root, f))))
        {
            var destination = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            System.IO.File.Copy(Path.Combine(Paths.Root, file), destination);
        }

        return GitRepo.InitWithEverything(target);
    }

    /// <summary>Runs one step's script in <paramref name="workspace"/>; its exit code, what it printed (stdout and stderr), and how long it took.</summary>
    public (int ExitCode, string Output, TimeSpan Elapsed) Run(WorkflowFile.Step step, string workspace, IEnumerable<KeyValuePair<string, string>> jobEnv)
    {
        var script = Path.Combine(Folder, "step.sh");
        System.IO.File.WriteAllText(script, step.Run);
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Path.Combine(workspace, step.WorkingDirectory ?? "."), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--noprofile", "--norc", "-eo", "pipefail", script })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in machine ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        // Workflow and job env, then what earlier steps put in GITHUB_ENV, then the step's own env, as on a runner.
        var passedOn = System.IO.File.ReadAllLines(Env).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).Select(p => KeyValuePair.Create(p[0], p[1]));
        foreach (var (name, value) in jobEnv.Concat(passedOn).Concat(step.Env))
        {
            start.Environment[name] = Expression().Replace(value, m => expressions.TryGetValue(m.Groups[1].Value, out var known)
                ? known
                : throw new InvalidOperationException($"the test does not know what `{m.Value}` is in this event; add it to the runner's expressions"));
        }

        start.Environment["CI"] = "true";
        start.Environment["GITHUB_WORKSPACE"] = workspace;
        start.Environment["GITHUB_STEP_SUMMARY"] = Summary;
        start.Environment["GITHUB_ENV"] = Env;
        start.Environment["GITHUB_OUTPUT"] = Output;
        start.Environment["RUNNER_TEMP"] = Folder;
        start.Environment[WorkflowFactAttribute.InsideVariable] = "1";
        // No MSBuild worker nodes left running after a step's build.
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

    public static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    private static string Created(string folder)
    {
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The file, created empty the first time it is asked for.</summary>
    private static string File(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            System.IO.File.WriteAllText(path, "");
        }

        return path;
    }
}
