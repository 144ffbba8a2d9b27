using System.Diagnostics;
using System.Globalization;
using PaperAtlas.Incremental;

namespace PaperAtlas.Benchmarks;

/// <summary>
/// <c>--serve-edit N</c>: what a person running <c>atlas serve</c> waits for. The site is kept by a
/// <see cref="SiteBuilder"/> with a <see cref="BuildCache"/> as the preview server keeps it, with a file watcher and the server's 40 ms debounce;
/// each edit is timed from just before the file is written to the moment the edited page's new bytes are on disk
/// (a poller reads the page every millisecond) and to the end of the rebuild (search index and exports written).
/// </summary>
internal static class ServeEditBench
{
    private const int DebounceMs = 40;

    public static void Run(string corpusContent, string templates, string workDir, int size, int edits, string kind)
    {
        if (Directory.Exists(workDir))
        {
            Directory.Delete(workDir, recursive: true);
        }

        var content = Path.Combine(workDir, "content");
        Copy(corpusContent, content);
        var output = Path.Combine(workDir, "site");
        var site = new SiteBuilder(new BuildOptions(content, output, "/", templates), new BuildCache());
        var clock = Stopwatch.StartNew();
        var first = site.Build();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: {size} papers, full build (in-process, the first rebuild of serve): {clock.Elapsed.TotalSeconds:F1} s — ")
            + string.Join(", ", first.Timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Stage} {t.Elapsed.TotalMilliseconds:F0} ms"))));
        if (!first.Written)
        {
            throw new InvalidOperationException("the corpus did not build: " + string.Join('\n', first.Analysis.Diagnostics.Take(5)));
        }

        var papers = Directory.GetFiles(Path.Combine(content, "papers"), "*.md").Order(StringComparer.Ordinal).ToArray();
        var pageLatencies = new List<double>();
        var doneLatencies = new List<double>();
        using var watcher = new FileSystemWatcher(content) { IncludeSubdirectories = true };
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var gate = new Lock();
        var rebuilt = new SemaphoreSlim(0);
        Timer? debounce = null;
        BuildResult? last = null;
        void OnChange(string path)
        {
            lock (gate)
            {
                changed.Add(Path.GetRelativePath(content, path).Replace('\\', '/'));
                debounce?.Dispose();
                debounce = new Timer(_ =>
                {
                    string[] files;
                    lock (gate)
                    {
                        files = [.. changed];
                        changed.Clear();
                    }

                    last = site.Build(files);
                    rebuilt.Release();
                }, null, DebounceMs, Timeout.Infinite);
            }
        }

        watcher.Changed += (_, e) => OnChange(e.FullPath);
        watcher.Created += (_, e) => OnChange(e.FullPath);
        watcher.EnableRaisingEvents = true;

        for (var i = 0; i < edits; i++)
        {
            var file = papers[(int)((long)i * 7919 % papers.Length)];
            var marker = $"Serve edit {i} {Guid.NewGuid():N}";
            var text = File.ReadAllText(file);
            var edited = kind == "title"
                ? text.Replace("title: \"", $"title: \"{marker} ", StringComparison.Ordinal)
                : text + $"\n{marker}.\n";
            var page = PagePath(output, text);
            var start = Stopwatch.GetTimestamp();
            var seen = Task.Run(() => WaitFor(page, marker, start));
            File.WriteAllText(file, edited);
            if (!rebuilt.Wait(TimeSpan.FromSeconds(120)))
            {
                throw new TimeoutException("no rebuild after an edit");
            }

            var done = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var onDisk = seen.Result;
            pageLatencies.Add(onDisk);
            doneLatencies.Add(done);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench: edit {i + 1}/{edits} ({kind}, {Path.GetFileName(file)}): page on disk {onDisk:F0} ms, rebuild done {done:F0} ms, "
                + $"{last?.Files} files written, {last?.Rendered} pages rendered — ")
                + string.Join(", ", last?.Timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Stage} {t.Elapsed.TotalMilliseconds:F0}")) ?? []));
            Thread.Sleep(200);
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"serve edit latency, {size} papers, {edits} {kind} edits, {Environment.ProcessorCount} cores (debounce {DebounceMs} ms included):"));
        Console.Out.WriteLine(Summary("edit → page on disk", pageLatencies));
        Console.Out.WriteLine(Summary("edit → rebuild done", doneLatencies));
    }

    private static string Summary(string what, List<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture,
            $"  {what,-22} median {median,6:F0} ms   p90 {At(0.9),6:F0} ms   min {sorted[0],6:F0} ms   max {sorted[^1],6:F0} ms");
    }

    /// <summary>The page of the paper a paper file describes: papers/&lt;arXiv id with '/' as '-'&gt;/index.html.</summary>
    private static string PagePath(string output, string text)
    {
        var line = text.Split('\n').First(l => l.StartsWith("id:", StringComparison.Ordinal));
        var id = line["id:".Length..].Trim().Trim('"');
        return Path.Combine(output, "papers", id.Replace('/', '-'), "index.html");
    }

    private static double WaitFor(string page, string marker, long start)
    {
        var deadline = TimeSpan.FromSeconds(120);
        while (Stopwatch.GetElapsedTime(start) < deadline)
        {
            try
            {
                if (File.ReadAllText(page).Contains(marker, StringComparison.Ordinal))
                {
                    return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }
            }
            catch (IOException)
            {
                // Mid-rename: look again.
            }

            Thread.Sleep(1);
        }

        throw new TimeoutException($"{page} never showed the edit");
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
