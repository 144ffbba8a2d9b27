using System.Diagnostics;
using PaperAtlas.Diagnostics;
using PaperAtlas.Load;

namespace PaperAtlas.Contribute;

/// <summary>
/// The content files a pull request changes, from git: everything that differs between the working tree and the point
/// where the branch left <c>gitRef</c> (committed, staged, edited or new), so `atlas check --changed-from origin/main`
/// means the same on a contributor's machine as on the pull request. Diagnostics about those files come first, because
/// GitHub shows only the first few annotations of each kind.
/// </summary>
public sealed class ChangedFiles
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(60);

    private readonly HashSet<string> _shown;

    private ChangedFiles(IEnumerable<string> shown) => _shown = new HashSet<string>(shown, StringComparer.Ordinal);

    /// <summary>How many content files changed.</summary>
    public int Count => _shown.Count;

    /// <summary>Changed files given by their paths relative to the content folder, as diagnostics show them.</summary>
    public static ChangedFiles Of(string contentPath, IEnumerable<string> relativePaths)
    {
        var display = ContentLoader.DisplayRoot(contentPath);
        return new ChangedFiles(relativePaths.Select(p => ContentLoader.Shown(display, p.Replace('\\', '/'))));
    }

    /// <summary>The content files changed since the branch left <paramref name="gitRef"/>; null with <paramref name="error"/> when git cannot say.</summary>
    public static ChangedFiles? Since(string gitRef, string contentPath, out string? error)
    {
        if (gitRef.Length == 0 || gitRef.StartsWith('-'))
        {
            error = $"'{gitRef}' is not a git ref";
            return null;
        }

        var folder = Path.GetFullPath(contentPath);
        // Paths from git are relative to the repository's top; the prefix is where content/ sits in it.
        if (Git(folder, out error, "rev-parse", "--show-prefix") is not { } prefix
            || Git(folder, out error, "merge-base", gitRef, "HEAD") is not { } forkPoint
            || Git(folder, out error, "diff", "--name-only", "-z", "--no-renames", forkPoint.Trim(), "--", ".") is not { } changed
            || Git(folder, out error, "ls-files", "--others", "--exclude-standard", "-z", "--", ".") is not { } untracked)
        {
            return null;
        }

        // `diff` names paths from the top, `ls-files` from the folder it runs in.
        var contentPrefix = prefix.Trim();
        var relative = changed.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.StartsWith(contentPrefix, StringComparison.Ordinal))
            .Select(p => p[contentPrefix.Length..])
            .Concat(untracked.Split('\0', StringSplitOptions.RemoveEmptyEntries));
        return Of(contentPath, relative);
    }

    /// <summary>True when the diagnostic is in a changed file, or its message names one (a title conflict's other place).</summary>
    public bool Touches(Diagnostic diagnostic) =>
        _shown.Contains(diagnostic.Location.File) || _shown.Any(file => diagnostic.Message.Contains(file, StringComparison.Ordinal));

    /// <summary>The diagnostics that touch a changed file, then the others; each part keeps its order.</summary>
    public IReadOnlyList<Diagnostic> First(IReadOnlyList<Diagnostic> diagnostics) =>
        [.. diagnostics.Where(Touches), .. diagnostics.Where(d => !Touches(d))];

    private static string? Git(string folder, out string? error, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEndAsync();
            var errors = git.StandardError.ReadToEndAsync();
            if (!git.WaitForExit(GitTimeout))
            {
                git.Kill(entireProcessTree: true);
                error = $"`git {args[0]}` took over {GitTimeout.TotalSeconds:0} s";
                return null;
            }

            if (git.ExitCode != 0)
            {
                var message = errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
                error = $"`git {string.Join(' ', args.Where(a => a != "-z"))}` failed: {message}";
                return null;
            }

            error = null;
            return output.Result;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            error = $"git could not be run: {ex.Message}";
            return null;
        }
    }
}
