using PaperAtlas.FakeServices;
using PaperAtlas.Metadata;
using PaperAtlas.Tests.Site;

namespace PaperAtlas.Tests.Metadata;

/// <summary>
/// A copy of a content folder, fetched from the fake services (on a virtual clock) the way `atlas fetch` does, then
/// built: what a maintainer gets after the weekly workflow's pull request is merged. The fakes know every arXiv paper
/// of the content (the real ones as they are, the others made up, each citing the two before it).
/// </summary>
public abstract class FetchedAtlas : IDisposable
{
    private readonly TempFolder _temp = new();

    protected FetchedAtlas(string contentSource)
    {
        Content = _temp.CopyFrom(contentSource, "content");
        Directory.CreateDirectory(Path.Combine(Content, MetadataStore.Folder));
        foreach (var stale in Directory.EnumerateFiles(Path.Combine(Content, MetadataStore.Folder)))
        {
            File.Delete(stale);
        }

        Stated = SiteBuilder.Analyse(Content).Graph;
        ArxivIds = [.. Stated.Papers.Select(p => p.ArxivId).OfType<string>()];
        Catalogue = FakeCatalogue.Synthetic(ArxivIds, FakeCatalogue.Real);
        var time = new VirtualTime();
        using (var fakes = new FakeServices.FakeServices(Catalogue, time))
        {
            Report = MetadataFetcher.Fetch(new FetchOptions(Content) { ArxivApi = fakes.ArxivApi, ScholarApi = fakes.ScholarApi, Time = time }, _ => { })
                .GetAwaiter().GetResult();
        }

        Site = new BuiltSite(Content);
    }

    public string Content { get; }

    /// <summary>The atlas as its lists and paper files state it, before the fetch.</summary>
    public PaperAtlas.Graph.PaperGraph Stated { get; }

    /// <summary>A paper's authors after the fetch: those its lists or paper file name (they win), else those arXiv gives.</summary>
    public IReadOnlyList<string> AuthorsOf(FakePaper fake) =>
        Stated.Papers.First(p => p.ArxivId == fake.ArxivId).Authors is { IsEmpty: false } stated ? stated : fake.Authors;

    /// <summary>The atlas's papers with an arXiv id, before the fetch.</summary>
    public IReadOnlyList<string> ArxivIds { get; }

    public FakeCatalogue Catalogue { get; }

    public FetchReport Report { get; }

    public BuiltSite Site { get; }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Site.Output, relativePath));

    public void Dispose()
    {
        Site.Dispose();
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The live content/, fetched and built: its invariants only, as for every test over the live content (a
/// contributor's paper file may name its authors, and they win over arXiv's).</summary>
public sealed class FetchedRealAtlas() : FetchedAtlas(Paths.Content());

/// <summary>The frozen seed lists, fetched and built: what they hold may be pinned (ELMo is 1802.05365, named by nickname).</summary>
public sealed class FetchedSeedAtlas() : FetchedAtlas(Paths.Seed());
