using System.Diagnostics;
using System.Globalization;
using System.Text;
using PaperAtlas.Benchmarks;

// Times `atlas build` (and Hugo, the peer, alternating with it) on synthetic corpora in fresh processes: plain
// Stopwatch timing, one line per stage from --timings, as Zola's log_time does. Exit codes: 0 ok, 1 a build failed, 2 usage or setup.
var (options, error) = BenchOptions.Parse(args);
if (options is null)
{
    if (!string.IsNullOrEmpty(error))
    {
        Console.Error.WriteLine($"bench: {error}");
    }

    Console.Error.WriteLine(BenchOptions.Usage);
    return string.IsNullOrEmpty(error) ? 0 : 2;
}

var repo = Setup.FindRepoRoot();
if (repo is null)
{
    Console.Error.WriteLine("bench: cannot find the repository root (the folder holding Generator.sln); run from inside the repository");
    return 2;
}

var corpusScript = Path.GetFullPath(Path.Combine(repo, "..", "shared", "bench", "corpus.sh"));
var needsScript = options.Sizes.Any(n => Setup.ExistingCorpus(options.CorpusDir, n) is null);
if (needsScript && !File.Exists(corpusScript))
{
    Console.Error.WriteLine($"bench: the corpus generator is missing: {corpusScript}");
    Console.Error.WriteLine("bench: the benchmark needs the shared harness as a sibling of the repository (<repo>/../shared/bench/corpus.sh),");
    Console.Error.WriteLine("bench: or pre-made corpora via --corpus-dir DIR (DIR/bench-corpus-N/content).");
    return 2;
}

var templates = Path.Combine(repo, "templates");
var atlas = Path.Combine(repo, "src", "PaperAtlas.Cli", "bin", "Release", "net10.0", OperatingSystem.IsWindows() ? "atlas.exe" : "atlas");
if (!options.SkipCliBuild && options.ServeEdits == 0)
{
    Console.Error.WriteLine("bench: dotnet build -c Release src/PaperAtlas.Cli");
    var (code, stdout, stderr) = Setup.Exec("dotnet", ["build", "-c", "Release", Path.Combine(repo, "src", "PaperAtlas.Cli"), "-v", "quiet", "-nologo"], repo);
    if (code != 0)
    {
        Console.Error.WriteLine(stdout + stderr);
        Console.Error.WriteLine("bench: the CLI did not build");
        return 2;
    }
}

if (options.ServeEdits == 0 && !File.Exists(atlas))
{
    Console.Error.WriteLine($"bench: {atlas} does not exist; run without --no-cli-build");
    return 2;
}

if (!File.Exists(BuildRunner.TimeTool))
{
    Console.Error.WriteLine($"bench: {BuildRunner.TimeTool} is missing: peak RSS will not be reported");
}

Directory.CreateDirectory(options.WorkDir);
var hugo = options.Peer is false || options.ServeEdits > 0 ? null : Setup.OnPath("hugo");
if (options.Peer is true && hugo is null)
{
    Console.Error.WriteLine("bench: --peer hugo, but `hugo` is not on PATH (apt-get install hugo)");
    return 2;
}

var hugoSiteScript = Path.GetFullPath(Path.Combine(repo, "..", "shared", "bench", "hugo_site.sh"));
var results = new List<Series>();
foreach (var size in options.Sizes)
{
    var corpus = Setup.ExistingCorpus(options.CorpusDir, size);
    if (corpus is null)
    {
        Console.Error.WriteLine($"bench: bash {corpusScript} {size}");
        var (code, stdout, stderr) = Setup.Exec("bash", [corpusScript, size.ToString(CultureInfo.InvariantCulture)], repo);
        var folder = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (code != 0 || folder is null || !Directory.Exists(Path.Combine(folder, "content")))
        {
            Console.Error.WriteLine(stdout + stderr);
            Console.Error.WriteLine($"bench: corpus.sh {size} failed (it needs python3)");
            return 2;
        }

        corpus = folder;
    }

    var content = Path.Combine(corpus, "content");
    if (options.ServeEdits > 0)
    {
        ServeEditBench.Run(content, templates, Path.Combine(options.WorkDir, $"serve-{size}"), size, options.ServeEdits, options.EditKind);
        continue;
    }

    var tools = new List<(BuildCommand Command, string Output)>
    {
        (new BuildCommand("atlas", atlas, output => ["build", "--content", content, "--output", output, "--templates", templates, "--timings"]),
            Path.Combine(options.WorkDir, $"site-{size}")),
    };
    if (hugo is not null)
    {
        var (code, stdout, stderr) = Setup.Exec("bash", [hugoSiteScript, corpus], repo);
        var hugoSite = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (code != 0 || hugoSite is null)
        {
            Console.Error.WriteLine(stdout + stderr);
            Console.Error.WriteLine($"bench: {hugoSiteScript} failed");
            return 2;
        }

        // As ../shared/bench/run_peer.sh: pages tagged zh-cn, so that the peer's search (Pagefind) segments Chinese.
        tools.Add((new BuildCommand("hugo", hugo, output => ["--quiet", "-s", hugoSite, "-d", output], new Dictionary<string, string> { ["HUGO_LANGUAGECODE"] = "zh-cn" }),
            Path.Combine(options.WorkDir, $"hugo-{size}")));
    }

    var runs = tools.SelectMany(_ => options.TimedProtocols, (tool, protocol) => (tool.Command.Tool, protocol)).ToDictionary(k => k, _ => new List<BuildRun>());
    try
    {
        for (var i = 0; i < options.Warmups; i++)
        {
            foreach (var (command, output) in tools)
            {
                Console.Error.WriteLine($"bench: {size} papers, {command.Tool} warm-up {i + 1}/{options.Warmups}");
                BuildRunner.Run(command, output, Protocol.Fresh);
            }
        }

        // Run by run, protocol by protocol, tool after tool: a busy minute on the shared machine falls on both tools.
        for (var i = 0; i < options.Runs; i++)
        {
            foreach (var protocol in options.TimedProtocols)
            {
                foreach (var (command, output) in tools)
                {
                    var run = BuildRunner.Run(command, output, protocol);
                    var stages = string.Join(" ", run.StagesMs.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value:F0}")));
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"bench: {size} papers, {command.Tool} {protocol.ToString().ToLowerInvariant()} {i + 1}/{options.Runs}: {run.WallSeconds:F2} s, {run.PeakRssMb:F0} MB, {run.Files} files, {run.Bytes / 1e6:F1} MB{(stages.Length > 0 ? ", " + stages + " ms" : "")}"));
                    runs[(command.Tool, protocol)].Add(run);
                }
            }
        }
    }
    catch (InvalidOperationException ex)
    {
        Console.Error.WriteLine($"bench: {ex.Message}");
        return 1;
    }

    results.AddRange(runs.Select(r => new Series(r.Key.Tool, size, r.Key.protocol, r.Value)));
}

if (options.ServeEdits > 0)
{
    return 0;
}

var report = new Report(results, Environment.ProcessorCount);
Console.Out.Write(report.Text());
if (options.Markdown is { } markdownPath)
{
    File.WriteAllText(markdownPath, report.Markdown(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    Console.Error.WriteLine($"bench: wrote {markdownPath}");
}

return 0;

/// <summary>Finding the repository, corpora, and running helper commands.</summary>
internal static class Setup
{
    public static string? FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Generator.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    public static string? ExistingCorpus(string? corpusDir, int size)
    {
        if (corpusDir is null)
        {
            return null;
        }

        var folder = Path.GetFullPath(Path.Combine(corpusDir, $"bench-corpus-{size}"));
        return Directory.Exists(Path.Combine(folder, "content", "papers")) ? folder : null;
    }

    public static (int Code, string Stdout, string Stderr) Exec(string file, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return (-1, "", $"could not start {file}");
            }

            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, "", $"could not start {file}: {ex.Message}");
        }
    }
}
