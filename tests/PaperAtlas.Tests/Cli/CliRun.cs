using PaperAtlas.Cli;

namespace PaperAtlas.Tests.Cli;

/// <summary>The outcome of one in-process run of the `atlas` command.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // No environment: a test run inside GitHub Actions must not write into the job's real summary.
        var code = AtlasCommand.Run(args, stdout, stderr, _ => null);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>No stack trace or exception name leaked to the user.</summary>
    public void AssertNoExceptionText()
    {
        Assert.DoesNotContain("Exception", Stdout + Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Stdout + Stderr, StringComparison.Ordinal);
    }
}
