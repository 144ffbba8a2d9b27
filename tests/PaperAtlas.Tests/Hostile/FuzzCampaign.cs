using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using PaperAtlas.Diagnostics;
using PaperAtlas.Load;
using PaperAtlas.Normalise;
using PaperAtlas.Read;

namespace PaperAtlas.Tests.Hostile;

/// <summary>
/// Mutation fuzzing of loading, front-matter and the list readers. Iteration <c>i</c> uses seed <c>seed + i</c>,
/// so any failure is replayed by its seed alone. Failing inputs are saved under the temp folder.
/// </summary>
internal static class FuzzCampaign
{
    private static readonly Lazy<(string Name, string Text, DocumentKind Kind)[]> Inputs = new(() =>
    [
        .. new[] { "llmfreshman", "llm-research-notes", "llm-paper-timeline", "llm-knowledge-report" }
            .Select(id => (id, File.ReadAllText(Paths.Seed("lists", id + ".md")), DocumentKind.List)),
        ("2106.09685", File.ReadAllText(Path.Combine(Paths.Root, "tests", "PaperAtlas.Tests", "Fixtures", "site", "content", "papers", "2106.09685.md")), DocumentKind.Paper),
        ("2305.18290", PaperTemplate, DocumentKind.Paper),
    ]);

    private const string PaperTemplate = """
        ---
        id: "2305.18290"
        title: "Direct Preference Optimization: Your Language Model is Secretly a Reward Model"
        authors: [Rafael Rafailov, Archit Sharma]
        year: 2023
        month: 5
        venue: NeurIPS
        topics: [alignment, peft]
        aliases: [DPO, 直接偏好优化]
        links:
          arxiv: https://arxiv.org/abs/2305.18290
          code: https://github.com/eric-mitchell/direct-preference-optimization
        related:
          - id: "2203.02155"
            kind: improves
            note: drops the reward model
          - "2106.09685"
        doi: 10.48550/arXiv.2305.18290
        ---
        ## Notes

        The loss is $-\log \sigma(\beta \log \frac{\pi(y_w)}{\pi_{ref}(y_w)})$; see [the paper](https://arxiv.org/abs/2305.18290).

        > 中文笔记：**无需奖励模型**。
        """;

    public sealed record Result(int Iterations, TimeSpan Elapsed, TimeSpan Slowest, int SlowestSeed, IReadOnlyList<string> Failures);

    public static Result Run(int seed, int iterations, TimeSpan perCaseLimit, string tempFolder, int? threads = null)
    {
        var inputs = Inputs.Value;
        var corpus = inputs.Select(i => i.Text).ToArray();
        var failures = new ConcurrentBag<string>();
        var slowest = (Ticks: 0L, Seed: 0);
        var gate = new Lock();
        var clock = Stopwatch.StartNew();
        Parallel.For(0, iterations, new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount }, i =>
        {
            var caseSeed = seed + i;
            var watch = Stopwatch.StartNew();
            var (text, name, kind, bytes) = Generate(caseSeed, inputs, corpus);
            try
            {
                var problems = RunOne(text, name, kind, bytes, tempFolder, caseSeed);
                if (problems.Count > 0)
                {
                    failures.Add(Save(tempFolder, caseSeed, text, $"seed {caseSeed} ({name}): {string.Join("; ", problems)}"));
                }
            }
#pragma warning disable CA1031 // A fuzzer reports every exception as a finding.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add(Save(tempFolder, caseSeed, text, $"seed {caseSeed} ({name}): {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}"));
            }

            watch.Stop();
            if (watch.Elapsed > perCaseLimit)
            {
                failures.Add(Save(tempFolder, caseSeed, text, $"seed {caseSeed} ({name}): took {watch.ElapsedMilliseconds} ms"));
            }

            lock (gate)
            {
                if (watch.ElapsedTicks > slowest.Ticks)
                {
                    slowest = (watch.ElapsedTicks, caseSeed);
                }
            }
        });
        return new Result(iterations, clock.Elapsed, TimeSpan.FromTicks(slowest.Ticks * TimeSpan.TicksPerSecond / Stopwatch.Frequency), slowest.Seed,
            [.. failures.Order(StringComparer.Ordinal)]);
    }

    /// <summary>The input of one iteration; every fourth goes through the loader as (possibly corrupt) bytes.</summary>
    public static (string Text, string Name, DocumentKind Kind, byte[]? Bytes) Generate(int caseSeed, (string Name, string Text, DocumentKind Kind)[] inputs, string[] corpus)
    {
        var random = new Random(caseSeed);
        var (name, original, kind) = inputs[random.Next(inputs.Length)];
        var text = random.Next(4) == 0 ? original : Mutator.Slice(original, random);
        text = Mutator.Mutate(text, random, corpus);
        if (random.Next(10) == 0)
        {
            kind = kind == DocumentKind.List ? DocumentKind.Paper : DocumentKind.List;
        }

        var bytes = random.Next(4) == 0 ? Mutator.CorruptBytes(text, random) : null;
        return (text, name, kind, bytes);
    }

    private static List<string> RunOne(string text, string name, DocumentKind kind, byte[]? bytes, string tempFolder, int caseSeed)
    {
        var diagnostics = new DiagnosticBag();
        var folder = kind == DocumentKind.List ? "lists" : "papers";
        var shown = $"content/{folder}/{name}.md";
        if (bytes is not null)
        {
            var file = Path.Combine(tempFolder, $"bytes-{caseSeed}.md");
            File.WriteAllBytes(file, bytes);
            var loaded = ContentLoader.ReadText(file, shown, diagnostics);
            File.Delete(file);
            if (loaded is null)
            {
                return CheckLocations(diagnostics.ToSortedList(), shown, 1);
            }

            text = loaded;
        }

        var document = ContentLoader.Parse(shown, $"{folder}/{name}.md", kind, text, diagnostics);
        ListReading? reading = null;
        PaperMention? mention = null;
        if (kind == DocumentKind.List)
        {
            reading = ListReader.Read(document, diagnostics);
        }
        else
        {
            mention = PaperFileReader.Read(document, diagnostics);
        }

        // Normalising what was read must not fail either (ids, titles, years, sections, related edges).
        var content = new LoadedContent("content", SiteSettings.Default, [], []);
        Normaliser.Normalise(content, reading is null ? [] : [reading], mention is null ? [] : [mention], diagnostics);
        return CheckLocations(diagnostics.ToSortedList(), shown, document.Text.Split('\n').Length);
    }

    private static List<string> CheckLocations(IReadOnlyList<Diagnostic> diagnostics, string shown, int lines)
    {
        var problems = new List<string>();
        foreach (var d in diagnostics)
        {
            if (d.Location.File != shown || d.Location.Line < 1 || d.Location.Column < 1 || d.Location.Line > lines + 1)
            {
                problems.Add($"bad location {d.Location} ({lines} lines) for {d.Code}: {d.Message}");
            }
        }

        return problems;
    }

    private static string Save(string tempFolder, int caseSeed, string text, string finding)
    {
        var folder = Environment.GetEnvironmentVariable("ATLAS_FUZZ_FAILURES") ?? Path.Combine(tempFolder, "failures");
        Directory.CreateDirectory(folder);
        // JSON keeps lone surrogates and control characters that a UTF-8 file could not hold.
        File.WriteAllText(Path.Combine(folder, $"{caseSeed}.json"), System.Text.Json.JsonSerializer.Serialize(text));
        return finding;
    }

    public static ImmutableArray<string> Names => [.. Inputs.Value.Select(i => i.Name)];
}
