using PaperAtlas.FakeServices;
using PaperAtlas.Metadata;

namespace PaperAtlas.Tests.Metadata;

/// <summary>
/// An atlas in a temporary folder, the fake services on loopback answering from a catalogue, and a virtual clock the
/// fetch and the fakes share: a fetch that waits minutes for rate limits takes milliseconds, and the fakes record when
/// each request came in that time.
/// </summary>
internal sealed class FetchFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    /// <param name="papers">One list line per paper, e.g. <c>- [Title](https://arxiv.org/abs/1706.03762)</c>.</param>
    public FetchFixture(FakeCatalogue catalogue, params string[] papers)
    {
        Content = _temp.PathOf("content");
        _temp.Write("content/lists/fixture.md", Fixtures.Lines(["---", "title: Fixture", "lang: en", "---", "# Papers", "", .. papers]));
        Fakes = new FakeServices.FakeServices(catalogue, Time);
    }

    /// <summary>An atlas of the given arXiv papers, the fakes knowing each (the real ones as they are, the others made up).</summary>
    public static FetchFixture OfArxivIds(params string[] ids) =>
        new(FakeCatalogue.Synthetic(ids, FakeCatalogue.Real), [.. ids.Select(id => $"- [Paper {id}](https://arxiv.org/abs/{id})")]);

    public string Content { get; }

    public VirtualTime Time { get; } = new();

    public FakeServices.FakeServices Fakes { get; }

    /// <summary>Every line the last fetches printed.</summary>
    public List<string> Log { get; } = [];

    public string MetadataFolder => Path.Combine(Content, MetadataStore.Folder);

    public FetchReport Fetch(bool refresh = false, string? apiKey = null) =>
        MetadataFetcher.Fetch(Options(refresh, apiKey), Log.Add).GetAwaiter().GetResult();

    public FetchOptions Options(bool refresh = false, string? apiKey = null) => new(Content)
    {
        ArxivApi = Fakes.ArxivApi,
        ScholarApi = Fakes.ScholarApi,
        Refresh = refresh,
        ScholarApiKey = apiKey,
        Time = Time,
    };

    public string Record(string paperSlug) => File.ReadAllText(Path.Combine(MetadataFolder, MetadataStore.FileNameFor(paperSlug)));

    public PaperMetadataSet Stored()
    {
        var diagnostics = new Diagnostics.DiagnosticBag();
        var set = MetadataStore.Load(Content, diagnostics);
        Assert.Empty(diagnostics.ToSortedList());
        return set;
    }

    /// <summary>Every metadata file's name and bytes, for comparing two fetches.</summary>
    public SortedDictionary<string, byte[]> Files() =>
        new(Directory.EnumerateFiles(MetadataFolder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), StringComparer.Ordinal);

    public void Dispose()
    {
        Fakes.Dispose();
        _temp.Dispose();
    }
}
