using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperAtlas.Benchmarks;

/// <summary>How a build meets its output folder.</summary>
public enum Protocol
{
    /// <summary>The output folder is deleted and the disk synced first: a CI runner's clean build.</summary>
    Fresh,

    /// <summary>The previous build's output is still there: how people rebuild on their own machine.</summary>
    Rebuild,
}

/// <summary>A static-site generator's build command over one corpus, writing into a given output folder.</summary>
/// <param name="Tool">What the report calls it: atlas or hugo.</param>
internal sealed record BuildCommand(string Tool, string File, Func<string, IReadOnlyList<string>> Arguments, IReadOnlyDictionary<string, string>? Environment = null);

/// <summary>
/// One timed build in a fresh process: wall time, peak RSS, what it left in the output folder (HTML pages, files,
/// bytes) and, for atlas, the --timings stages.
/// </summary>
internal sealed record BuildRun(
    double WallSeconds, double? TimeWallSeconds, double? PeakRssMb, int HtmlPages, int Files, long Bytes, IReadOnlyDictionary<string, double> StagesMs);

/// <summary>Runs a build as a child process under <c>/usr/bin/time -v</c> and parses what it reports.</summary>
internal static partial class BuildRunner
{
    public const string TimeTool = "/usr/bin/time";

    [GeneratedRegex(@"^(?<stage>[a-z][a-z +-]*?)\s+(?<ms>\d+(\.\d+)?) ms(\s+cpu\s+\d+(\.\d+)? ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex StageLine();

    public static BuildRun Run(BuildCommand command, string output, Protocol protocol)
    {
        if (protocol == Protocol.Fresh && Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Sync();
        var timeLog = Path.GetTempFileName();
        try
        {
            var useTime = File.Exists(TimeTool);
            var start = new ProcessStartInfo(useTime ? TimeTool : command.File)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (useTime)
            {
                foreach (var arg in new[] { "-v", "-o", timeLog, command.File })
                {
                    start.ArgumentList.Add(arg);
                }
            }

            foreach (var arg in command.Arguments(output))
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var (name, value) in command.Environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            clock.Stop();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{command.Tool} build exited with {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
            }

            var stages = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var line in stderr.Result.Split('\n'))
            {
                var match = StageLine().Match(line.Trim());
                if (match.Success)
                {
                    stages[match.Groups["stage"].Value] = double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture);
                }
            }

            var (timeWall, rss) = useTime ? ParseTime(File.ReadAllLines(timeLog)) : (null, null);
            var files = new DirectoryInfo(output).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
            var pages = files.Count(f => f.Extension == ".html");
            return new BuildRun(clock.Elapsed.TotalSeconds, timeWall, rss, pages, files.Count, files.Sum(f => f.Length), stages);
        }
        finally
        {
            File.Delete(timeLog);
        }
    }

    /// <summary>GNU time -v: "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:22.69" and "Maximum resident set size (kbytes): 147984".</summary>
    internal static (double? WallSeconds, double? PeakRssMb) ParseTime(IEnumerable<string> lines)
    {
        double? wall = null, rss = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var colon = line.LastIndexOf(": ", StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var value = line[(colon + 2)..].Trim();
            if (line.StartsWith("Elapsed (wall clock)", StringComparison.Ordinal))
            {
                double seconds = 0;
                foreach (var part in value.Split(':'))
                {
                    seconds = (seconds * 60) + double.Parse(part, CultureInfo.InvariantCulture);
                }

                wall = seconds;
            }
            else if (line.StartsWith("Maximum resident set size", StringComparison.Ordinal))
            {
                rss = double.Parse(value, CultureInfo.InvariantCulture) / 1024;
            }
        }

        return (wall, rss);
    }

    /// <summary>Flushes dirty pages so one run's writeback does not land in the next (as the Hugo script does).</summary>
    private static void Sync()
    {
        if (!File.Exists("/bin/sync"))
        {
            return;
        }

        using var sync = Process.Start(new ProcessStartInfo("/bin/sync") { UseShellExecute = false });
        sync?.WaitForExit();
    }
}
