using PaperAtlas.Diagnostics;
using PaperAtlas.Read;

namespace PaperAtlas.Tests.Read;

public sealed class LinkTargetTests
{
    [Theory]
    [InlineData("https://arxiv.org/abs/2106.09685", "2106.09685")]
    [InlineData("https://arxiv.org/abs/2106.09685v2", "2106.09685")]
    [InlineData("https://arxiv.org/pdf/2106.09685.pdf", "2106.09685")]
    [InlineData("https://arxiv.org/pdf/2106.09685v1.pdf", "2106.09685")]
    [InlineData("https://arxiv.org/pdf/2406.11931", "2406.11931")]
    [InlineData("https://arxiv.org/pdf/2402.01680v1", "2402.01680")]
    [InlineData("https://arxiv.org/html/2308.10792v5", "2308.10792")]
    [InlineData("https://arxiv.org/html/2306.08568v1", "2306.08568")]
    [InlineData("https://arxiv.org/ftp/arxiv/papers/2312/2312.00752.pdf", "2312.00752")]
    [InlineData("https://huggingface.co/papers/2401.04088", "2401.04088")]
    [InlineData("http://www.arxiv.org/abs/1706.03762", "1706.03762")]
    [InlineData("https://export.arxiv.org/abs/1706.03762", "1706.03762")]
    [InlineData("https://arxiv.org/abs/cs/0112017", "cs/0112017")]
    [InlineData("https://arxiv.org/abs/cs/0112017v2", "cs/0112017")]
    [InlineData("https://arxiv.org/pdf/hep-th/9901001.pdf", "hep-th/9901001")]
    [InlineData("arXiv:2310.12036", "2310.12036")]
    [InlineData("arxiv:2310.12036v2", "2310.12036")]
    public void Every_arxiv_link_form_gives_the_canonical_id(string url, string expected)
    {
        var target = LinkTarget.Of(url);

        Assert.Equal(expected, target.ArxivId);
        Assert.Null(target.MalformedArxivId);
        Assert.True(target.IsPaper);
    }

    [Theory]
    [InlineData("https://arxiv.org/abs/2313.12345", "2313.12345")]
    [InlineData("https://arxiv.org/abs/12.345", "12.345")]
    [InlineData("https://arxiv.org/pdf/2106.096.pdf", "2106.096")]
    [InlineData("https://huggingface.co/papers/not-an-id", "not-an-id")]
    public void An_arxiv_link_with_a_bad_id_is_malformed_and_no_paper(string url, string malformed)
    {
        var target = LinkTarget.Of(url);

        Assert.Null(target.ArxivId);
        Assert.Equal(malformed, target.MalformedArxivId);
        Assert.False(target.IsPaper);
    }

    [Theory]
    [InlineData("https://arxiv.org/list/cs.CL/recent")]
    [InlineData("https://huggingface.co/papers?q=low-level%20module")]
    [InlineData("https://github.com/Dao-AILab/flash-attention")]
    [InlineData("./research/transformer.md")]
    [InlineData("")]
    [InlineData(null)]
    public void A_link_to_no_paper_has_no_id_and_is_not_malformed(string? url)
    {
        var target = LinkTarget.Of(url);

        Assert.Null(target.ArxivId);
        Assert.Null(target.MalformedArxivId);
        Assert.False(target.IsPaper);
    }

    [Theory]
    [InlineData("https://proceedings.neurips.cc/paper_files/paper/2022/hash/67d57c32e20fd0a7a302cb81d36e40d5-Abstract-Conference.html")]
    [InlineData("https://openreview.net/forum?id=nZeVKeeFYf9")]
    [InlineData("https://cdn.openai.com/papers/gpt-4.pdf")]
    public void A_proceedings_host_or_a_pdf_is_a_paper_host_without_an_id(string url)
    {
        var target = LinkTarget.Of(url);

        Assert.True(target.OnPaperHost);
        Assert.Null(target.ArxivId);
        Assert.False(target.IsPaper);
    }

    [Theory]
    [InlineData("https://doi.org/10.1162/tacl_a_00638", "10.1162/tacl_a_00638")]
    [InlineData("https://direct.mit.edu/tacl/article/doi/10.1162/tacl_a_00638/119630/Lost-in-the-Middle", "10.1162/tacl_a_00638")]
    [InlineData("https://dl.acm.org/doi/abs/10.1145/3586183.3606763", "10.1145/3586183.3606763")]
    public void A_doi_in_the_url_is_found(string url, string doi)
    {
        var target = LinkTarget.Of(url);

        Assert.Equal(doi, target.Doi);
        Assert.True(target.IsPaper);
    }

    [Theory]
    [InlineData("[bad](https://arxiv.org/abs/2313.12345)", "2313.12345")]
    [InlineData("[bad](https://arxiv.org/abs/12.345)", "12.345")]
    [InlineData("[arXiv:2313.12345](https://example.com/paper)", "2313.12345")]
    public void A_malformed_id_in_a_list_is_a_PA201_error_at_the_link(string link, string malformed)
    {
        var markdown = Fixtures.Lines(
            "| 技术 | 论文标题 | arXiv链接 |",
            "|------|----------|-----------|",
            $"| **X** | Some Paper | {link} |");
        var reading = Fixtures.Read(markdown);

        var error = Assert.Single(reading.WithCode(DiagnosticCodes.MalformedArxivId));
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(new SourceLocation("content/lists/fixture.md", 3, Fixtures.ColumnOf(markdown, 3, link)), error.Location);
        Assert.Contains($"'{malformed}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(reading.Mentions);
    }

    [Fact]
    public void A_malformed_id_in_a_bullet_outside_any_shape_is_a_PA201_error_too()
    {
        var reading = Fixtures.Read("- Read [this](https://arxiv.org/abs/2313.12345) first.\n");

        Assert.Equal(1, Assert.Single(reading.WithCode(DiagnosticCodes.MalformedArxivId)).Location.Line);
        Assert.Empty(reading.Mentions);
    }
}
