using System.CommandLine;
using System.CommandLine.Invocation;
using PaperAtlas.Cli.Commands;

namespace PaperAtlas.Cli;

/// <summary>
/// The command line: composes the commands (one class each, under Commands/), parses arguments and maps what happens to
/// an exit code. All logic is in the library.
/// </summary>
public static class AtlasCommand
{
    public const int Ok = 0;

    /// <summary>The content has errors (with `check --strict`, warnings), or files could not be read or written.</summary>
    public const int ContentErrors = 1;

    /// <summary>The command line was wrong: an unknown option, a busy port, a folder that is not empty.</summary>
    public const int UsageError = 2;

    /// <summary>A bug: one line on stderr says where the full report was written (<see cref="CrashReport"/>).</summary>
    public const int InternalError = 3;

    /// <param name="environment">Reads environment variables (GITHUB_STEP_SUMMARY); the process's own when null.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?>? environment = null) =>
        Run(args, new CliContext(stdout, stderr, environment ?? Environment.GetEnvironmentVariable));

    public static int Run(string[] args, CliContext cli)
    {
        var root = new RootCommand("Paper Atlas: builds a searchable static site from curated Markdown paper lists")
        {
            BuildCommand.Create(cli),
            CheckCommand.Create(cli),
            ServeCommand.Create(cli),
            NewCommand.Create(cli),
            LinksCommand.Create(cli),
            InitCommand.Create(cli),
            FetchCommand.Create(cli.Stdout, cli.Stderr, cli.Environment),
        };
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersion(cli.Stdout);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                cli.Stderr.WriteLine($"atlas: {error.Message}");
            }

            cli.Stderr.WriteLine("run `atlas --help` for usage");
            return UsageError;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = cli.Stdout, Error = cli.Stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            cli.Stderr.WriteLine($"atlas: {Load.ControlCharacters.Printable(ex.Message)}");
            return ContentErrors;
        }
#pragma warning disable CA1031 // Whatever else escapes is a bug: one line and a report, never a stack trace on the terminal.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return CrashReport.Report(ex, args, cli.Stderr);
        }
    }

    /// <summary>`atlas --version`: the tool's own version (the test host's, or `dotnet`'s, would be the entry assembly's).</summary>
    private sealed class PrintVersion(TextWriter stdout) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine(ToolVersion.Informational);
            return Ok;
        }
    }
}
