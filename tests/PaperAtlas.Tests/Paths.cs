namespace PaperAtlas.Tests;

/// <summary>Finds the repository from the test's output folder, so tests run from any working directory.</summary>
internal static class Paths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The live content/: contributors change it, so tests over it assert invariants only.</summary>
    public static string Content(params string[] parts) => Path.Combine([Root, "content", .. parts]);

    /// <summary>The frozen copy of the four seed lists and their topics: tests that pin what the lists hold read it.</summary>
    public static string Seed(params string[] parts) => Path.Combine([Root, "tests", "PaperAtlas.Tests", "Fixtures", "seed", "content", .. parts]);

    /// <summary>The workflows `atlas init` writes into a new atlas's .github/workflows/.</summary>
    public static string StarterWorkflows => Path.Combine(Root, "src", "PaperAtlas", "Init", "starter", "github", "workflows");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Generator.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Generator.sln not found above the test folder");
    }
}

/// <summary>The live content/ analysed once for the tests that check invariants on it.</summary>
internal static class RealContent
{
    private static readonly Lazy<Analysis> Lazy = new(() => SiteBuilder.Analyse(Paths.Content()));

    public static Analysis Analysis => Lazy.Value;
}

/// <summary>The frozen seed content analysed once for the tests that pin what it holds.</summary>
internal static class SeedContent
{
    private static readonly Lazy<Analysis> Lazy = new(() => SiteBuilder.Analyse(Paths.Seed()));

    public static Analysis Analysis => Lazy.Value;
}
