using System.Text.RegularExpressions;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Tests;

/// <summary>The acceptance checks of the paper graph, run on the real content/ of the repository.</summary>
public sealed partial class RealContentTests
{
    [GeneratedRegex(@"(?:arxiv\.org/(?:abs|pdf|html)/|arxiv\.org/ftp/arxiv/papers/\d{4}/|huggingface\.co/papers/|arXiv:|\\\[)(\d{4}\.\d{4,5})")]
    private static partial Regex AnyArxivLinkForm();

    [Fact]
    public void Every_arxiv_id_in_the_four_lists_becomes_exactly_one_paper()
    {
        var expected = Directory.EnumerateFiles(Paths.Content("lists"), "*.md")
            .SelectMany(f => AnyArxivLinkForm().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        var papers = RealContent.Analysis.Graph.Papers;

        Assert.Equal(97, expected.Count);
        Assert.Equal(expected.Order(), papers.Select(p => p.ArxivId).OfType<string>().Order());
        Assert.Equal(papers.Length, papers.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void The_real_content_has_no_errors()
    {
        Assert.DoesNotContain(RealContent.Analysis.Diagnostics, d => d.Severity == Severity.Error);
    }
}
