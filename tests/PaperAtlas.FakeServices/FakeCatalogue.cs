using PaperAtlas.Normalise;

namespace PaperAtlas.FakeServices;

/// <summary>The papers the fake services know, found by arXiv id, DOI, Semantic Scholar id or title.</summary>
public sealed class FakeCatalogue(IEnumerable<FakePaper> papers)
{
    public IReadOnlyList<FakePaper> Papers { get; } = [.. papers];

    /// <summary>Papers made up for arXiv ids, each citing the two before it (and one paper outside them, by DOI).</summary>
    public static FakeCatalogue Synthetic(IEnumerable<string> arxivIds, IEnumerable<FakePaper>? real = null)
    {
        var known = (real ?? []).ToList();
        var ids = arxivIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Where(id => known.All(p => p.ArxivId != id)).ToList();
        var made = ids.Select((id, i) => FakePaper.Synthetic(id, [.. ids.Skip(Math.Max(0, i - 2)).Take(Math.Min(i, 2)), $"10.5555/outside.{i}"]));
        return new FakeCatalogue([.. known, .. made]);
    }

    /// <summary>Real papers of the seed lists as arXiv and Semantic Scholar describe them (abridged abstracts).</summary>
    public static IReadOnlyList<FakePaper> Real { get; } =
    [
        new("1706.03762", 7, "Attention Is All You Need",
            ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit", "Llion Jones", "Aidan N. Gomez", "Lukasz Kaiser", "Illia Polosukhin"],
            "The dominant sequence transduction models are based on complex recurrent or convolutional neural networks in an encoder-decoder configuration. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms, dispensing with recurrence and convolutions entirely.",
            new DateTimeOffset(2017, 6, 12, 17, 57, 34, TimeSpan.Zero), "cs.CL", null, null, "Neural Information Processing Systems", 150000,
            ["1409.0473", "1512.03385", "1607.06450"]),
        new("1802.05365", 2, "Deep contextualized word representations",
            ["Matthew E. Peters", "Mark Neumann", "Mohit Iyyer", "Matt Gardner", "Christopher Clark", "Kenton Lee", "Luke Zettlemoyer"],
            "We introduce a new type of deep contextualized word representation that models both (1) complex characteristics of word use (e.g., syntax and semantics), and (2) how these uses vary across linguistic contexts (i.e., to model polysemy).",
            new DateTimeOffset(2018, 2, 15, 0, 16, 38, TimeSpan.Zero), "cs.CL", "10.18653/v1/N18-1202", "NAACL 2018", "North American Chapter of the Association for Computational Linguistics", 11000,
            ["1706.03762", "10.3115/v1/D14-1162"]),
        new("2006.11239", 2, "Denoising Diffusion Probabilistic Models",
            ["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"],
            "We present high quality image synthesis results using diffusion probabilistic models, a class of latent variable models inspired by considerations from nonequilibrium thermodynamics.",
            new DateTimeOffset(2020, 6, 19, 17, 24, 44, TimeSpan.Zero), "cs.LG", null, null, "Neural Information Processing Systems", 12000,
            ["1503.03585"]),
        new("2211.17192", 2, "Fast Inference from Transformers via Speculative Decoding",
            ["Yaniv Leviathan", "Matan Kalman", "Yossi Matias"],
            "Inference from large autoregressive models like Transformers is slow - decoding K tokens takes K serial runs of the model. In this work we introduce speculative decoding.",
            new DateTimeOffset(2022, 11, 30, 17, 33, 28, TimeSpan.Zero), "cs.LG", null, null, "International Conference on Machine Learning", 600,
            ["1706.03762"]),
    ];

    public FakePaper? ByArxivId(string id) => Papers.FirstOrDefault(p => p.ArxivId == id);

    /// <summary>A batch id as Semantic Scholar takes it: <c>ARXIV:…</c>, <c>DOI:…</c> or its own 40-hex id.</summary>
    public FakePaper? ByScholarKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var (kind, value) = colon < 0 ? ("", key) : (key[..colon].ToUpperInvariant(), key[(colon + 1)..]);
        return kind switch
        {
            "ARXIV" => Papers.FirstOrDefault(p => p.ArxivId == value),
            "DOI" => Papers.FirstOrDefault(p => string.Equals(p.Doi, value, StringComparison.OrdinalIgnoreCase)),
            "" => Papers.FirstOrDefault(p => p.ScholarId == value),
            _ => null,
        };
    }

    /// <summary>The paper whose title shares the most words with the query, as Semantic Scholar's title match finds one; null when none shares any.</summary>
    public (FakePaper Paper, double Score)? MatchTitle(string query)
    {
        var words = TitleKey.Words(query).ToHashSet(StringComparer.Ordinal);
        return Papers.Where(p => p.KnownToScholar)
            .Select(p => (Paper: p, Score: (double)TitleKey.Words(p.Title).Count(words.Contains)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Paper.Title, StringComparer.Ordinal)
            .Select(x => ((FakePaper, double)?)(x.Paper, x.Score * 40.5))
            .FirstOrDefault();
    }
}
