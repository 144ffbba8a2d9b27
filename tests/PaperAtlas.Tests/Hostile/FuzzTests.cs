using System.Globalization;
using Xunit.Abstractions;

namespace PaperAtlas.Tests.Hostile;

/// <summary>
/// A time-boxed fuzz campaign in every test run. Run a longer one with
/// <c>ATLAS_FUZZ_ITERATIONS=200000 [ATLAS_FUZZ_SEED=1] dotnet test --filter FullyQualifiedName~FuzzTests</c>.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultIterations = 2000;

    /// <summary>
    /// What one input (load, read every list shape, normalise) may take before it is a finding: real lists take
    /// milliseconds and the worst repetition about a second, so this leaves room for a loaded machine and fails any input
    /// that stalls the readers (14,000 links to one paper took 16 s before anchors were made in linear time).
    /// </summary>
    private static readonly TimeSpan PerInputBudget = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Mutated_real_lists_and_paper_files_never_crash_hang_or_lose_a_location()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("ATLAS_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : DefaultIterations;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ATLAS_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 20_240_611;
        using var temp = new TempFolder();
        // An input over its budget is a finding; a hang shows up as the campaign not finishing (TimeoutException).
        var result = await Task.Run(() => FuzzCampaign.Run(seed, iterations, PerInputBudget, temp.Root))
            .WaitAsync(TimeSpan.FromMinutes(1) + TimeSpan.FromMilliseconds(50.0 * iterations));
        output.WriteLine($"{result.Iterations} iterations from seed {seed} in {result.Elapsed.TotalSeconds:F1} s; slowest case {result.Slowest.TotalMilliseconds:F0} ms (seed {result.SlowestSeed}); {result.Failures.Count} finding(s)");
        Assert.True(result.Failures.Count == 0, string.Join("\n\n", result.Failures.Take(10)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_input()
    {
        var inputs = FuzzCampaign.Names;
        Assert.Equal(6, inputs.Length);
        string Text(int seed) => FuzzCampaign.Generate(seed, [.. inputs.Select(i => (i, "a\n| b | c |\n### d\n", PaperAtlas.Load.DocumentKind.List))], ["x"]).Text;
        Assert.Equal(Text(42), Text(42));
    }
}
