using System.Globalization;
using PaperAtlas.Tests.Cli;

namespace PaperAtlas.Tests.Read;

/// <summary>A theory over the third-party lists in ../shared/corpus/, skipped when the corpus is not beside the repository.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!Directory.Exists(CorpusListTests.Folder))
        {
            Skip = $"the corpus of third-party lists is not at {CorpusListTests.Folder}";
        }
    }
}

/// <summary>
/// Real lists other people wrote, each built alone with the project's topics and theme, as a maintainer who points
/// Paper Atlas at their own list would: no error, nearly every arXiv id becomes a paper with a real title, and a
/// short report. Pins invariants only: the lists are not the project's to freeze.
/// </summary>
public sealed class CorpusListTests
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(Paths.Root, "..", "shared", "corpus"));

    public static TheoryData<string> Lists()
    {
        var data = new TheoryData<string>();
        var files = Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*.md") : [];
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(Lists))]
    public void Each_list_built_alone_reaches_its_ids_with_real_titles_in_a_short_report(string file)
    {
        using var temp = new TempFolder();
        var text = File.ReadAllText(Path.Combine(Folder, file));
        temp.Write(Path.Combine("content", "lists", file), text);
        File.Copy(Paths.Content("topics.yml"), temp.PathOf("content/topics.yml"));
        File.Copy(Paths.Content("site.yml"), temp.PathOf("content/site.yml"));

        var run = CliRun.Of("build", "--content", temp.PathOf("content"), "--output", temp.PathOf("site"), "--templates", Path.Combine(Paths.Root, "templates"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var quality = CorpusQuality.Measure(text, File.ReadAllText(temp.PathOf("site/papers.json")));
        var report = string.Create(CultureInfo.InvariantCulture, $"{quality.IdsFound} of {quality.IdsInList} ids, {quality.GoodTitles} real titles; not: {string.Join("; ", quality.Bad.Take(5))}");
        Assert.True(quality.IdsFound >= 0.98 * quality.IdsInList, report);
        Assert.True(quality.GoodTitles >= 0.95 * quality.IdsFound, report);
        Assert.True(run.StderrLines.Length <= 20, run.Stderr);
    }
}
