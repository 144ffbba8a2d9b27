using System.Diagnostics;

namespace PaperAtlas.Tests;

/// <summary>A git repository in a test's temp folder, with its own identity so no machine configuration is needed.</summary>
internal sealed class GitRepo
{
    private GitRepo(string root) => Root = root;

    public string Root { get; }

    /// <summary>The repository (or worktree) at <paramref name="root"/>, as it is.</summary>
    public static GitRepo At(string root) => new(root);

    /// <summary>Makes <paramref name="root"/> a repository on branch main with everything in it committed.</summary>
    public static GitRepo InitWithEverything(string root)
    {
        var repo = new GitRepo(root);
        repo.Run("init", "-q", "-b", "main");
        repo.CommitAll("base");
        return repo;
    }

    public void CommitAll(string message)
    {
        Run("add", "-A");
        Run("commit", "-q", "--allow-empty", "-m", message);
    }

    public string Run(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-c", "user.name=Paper Atlas tests", "-c", "user.email=tests@paper-atlas.invalid", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEndAsync();
        var errors = git.StandardError.ReadToEndAsync();
        git.WaitForExit();
        return git.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"git {string.Join(' ', args)}: {errors.Result}");
    }
}
