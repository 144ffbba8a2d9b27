namespace PaperAtlas.Tests;

/// <summary>Finds the repository from the test's output folder, so tests run from any working directory.</summary>
internal static class Paths
{
    public static string Root { get; } = FindRoot();

    public static string Content(params string[] parts) => Path.Combine([Root, "content", .. parts]);

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

/// <summary>The real content analysed once for all tests that read it.</summary>
internal static class RealContent
{
    private static readonly Lazy<Analysis> Lazy = new(() => SiteBuilder.Analyse(Paths.Content()));

    public static Analysis Analysis => Lazy.Value;
}
