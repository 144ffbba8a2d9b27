namespace PaperAtlas.Cli;

/// <summary>What the commands print to and read from: the process's own, or a test's.</summary>
/// <param name="Environment">Reads environment variables (GITHUB_STEP_SUMMARY).</param>
/// <param name="StderrIsTerminal">Whether a person watches stderr: only then does a long build show a progress line.</param>
public sealed record CliContext(TextWriter Stdout, TextWriter Stderr, Func<string, string?> Environment, bool StderrIsTerminal = false);
