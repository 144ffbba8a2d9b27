using System.Globalization;

namespace PaperAtlas.Benchmarks;

/// <summary>The command line of the benchmark; see <see cref="Usage"/>.</summary>
internal sealed record BenchOptions(
    IReadOnlyList<int> Sizes,
    int Runs,
    int Warmups,
    string? CorpusDir,
    string WorkDir,
    string? Markdown,
    bool SkipCliBuild,
    int ServeEdits = 0,
    string EditKind = "notes",
    IReadOnlyList<Protocol>? Protocols = null,
    bool? Peer = null)
{
    /// <summary>The protocols timed; both unless --protocols narrows them.</summary>
    public IReadOnlyList<Protocol> TimedProtocols => Protocols ?? [Protocol.Fresh, Protocol.Rebuild];

    public const string Usage = """
        usage: dotnet run -c Release --project tests/PaperAtlas.Benchmarks -- [options]
          --sizes 1000,10000   corpus sizes (papers), comma separated         (default 1000,10000)
          --runs 5             timed builds per size, protocol and tool        (default 5)
          --warmups 1          untimed runs first (page cache, binary)         (default 1)
          --corpus-dir DIR     use DIR/bench-corpus-N when it has content/; otherwise the corpus
                               comes from ../shared/bench/corpus.sh (cached in /tmp/bench-corpus-N)
          --work-dir DIR       where the built sites go, DIR/site-N           (default $TMPDIR/paper-atlas-bench)
          --markdown FILE      also write the results table as Markdown to FILE
          --no-cli-build       use the existing Release build of src/PaperAtlas.Cli
          --protocols fresh,rebuild
                               fresh: the output folder is deleted (and `sync`ed) before each build;
                               rebuild: each build writes over the previous build's output, as users
                               rebuild locally                                (default both)
          --peer hugo|none     also build the corpus with Hugo (../shared/bench/hugo_site.sh), alternating
                               with atlas run by run, and report the ratio    (default hugo when `hugo`
                               is on PATH; `apt-get install hugo`)
          --serve-edit 20      instead of timing `atlas build`: time `atlas serve`'s incremental rebuild. Builds a
                               copy of the corpus in-process (the full build it starts with is reported too), then
                               edits one paper file 20 times, one at a time, and reports the latency from each edit
                               to the edited page's new bytes on disk (file watcher and debounce included) and to
                               the end of the rebuild: median, p90, min, max
          --edit notes         what --serve-edit changes: notes (appends a sentence to the body) or title
        """;

    /// <summary>Parses the arguments, or returns the error to print.</summary>
    public static (BenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var sizes = new List<int> { 1000, 10000 };
        var runs = 5;
        var warmups = 1;
        string? corpusDir = null;
        var workDir = Path.Combine(Path.GetTempPath(), "paper-atlas-bench");
        string? markdown = null;
        var skipBuild = false;
        var serveEdits = 0;
        var editKind = "notes";
        List<Protocol>? protocols = null;
        bool? peer = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--no-cli-build")
            {
                skipBuild = true;
                continue;
            }

            if (arg is "-h" or "--help")
            {
                return (null, "");
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{arg}: a value is missing");
            }

            var value = args[++i];
            switch (arg)
            {
                case "--sizes":
                    sizes.Clear();
                    foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size <= 0)
                        {
                            return (null, $"--sizes: '{part}' is not a positive whole number");
                        }

                        sizes.Add(size);
                    }

                    break;
                case "--runs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0:
                    runs = r;
                    break;
                case "--warmups" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var w):
                    warmups = w;
                    break;
                case "--corpus-dir":
                    corpusDir = value;
                    break;
                case "--work-dir":
                    workDir = value;
                    break;
                case "--serve-edit" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var e) && e > 0:
                    serveEdits = e;
                    break;
                case "--edit" when value is "notes" or "title":
                    editKind = value;
                    break;
                case "--protocols":
                    protocols = [];
                    foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!Enum.TryParse<Protocol>(part, ignoreCase: true, out var protocol))
                        {
                            return (null, $"--protocols: '{part}' is neither fresh nor rebuild");
                        }

                        protocols.Add(protocol);
                    }

                    break;
                case "--peer" when value is "hugo" or "none":
                    peer = value == "hugo";
                    break;
                case "--markdown":
                    markdown = value;
                    break;
                default:
                    return (null, $"{arg} {value}: unknown option or bad value");
            }
        }

        if (protocols is { Count: 0 })
        {
            return (null, "--protocols: no protocol given");
        }

        return sizes.Count == 0
            ? (null, "--sizes: no size given")
            : (new BenchOptions(sizes, runs, warmups, corpusDir, Path.GetFullPath(workDir), markdown, skipBuild, serveEdits, editKind, protocols, peer), null);
    }
}
