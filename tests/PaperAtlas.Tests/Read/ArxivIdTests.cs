using PaperAtlas.Read;

namespace PaperAtlas.Tests.Read;

public sealed class ArxivIdTests
{
    [Theory]
    [InlineData("2106.09685", "2106.09685")]
    [InlineData("2106.09685v2", "2106.09685")]
    [InlineData("1312.6114", "1312.6114")]
    [InlineData("0704.0001", "0704.0001")]
    [InlineData("cs/0112017", "cs/0112017")]
    [InlineData("cs/0112017v1", "cs/0112017")]
    [InlineData("hep-th/9901001", "hep-th/9901001")]
    [InlineData("math.AG/0309136", "math.AG/0309136")]
    public void A_well_formed_id_parses_to_its_canonical_form_without_version(string text, string expected)
    {
        Assert.True(ArxivId.TryParse(text, out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("2313.12345")]
    [InlineData("2100.12345")]
    [InlineData("12.345")]
    [InlineData("2106.096")]
    [InlineData("2106.096851")]
    [InlineData("0612.1234")]
    [InlineData("cs/0113017")]
    [InlineData("")]
    [InlineData("LoRA")]
    public void A_malformed_id_does_not_parse(string text)
    {
        Assert.False(ArxivId.TryParse(text, out _));
    }

    [Theory]
    [InlineData("2106.09685", 2021, 6)]
    [InlineData("1706.03762", 2017, 6)]
    [InlineData("2412.00001", 2024, 12)]
    [InlineData("cs/0112017", 2001, 12)]
    [InlineData("hep-th/9901001", 1999, 1)]
    public void The_id_encodes_year_and_month_of_submission(string id, int year, int month)
    {
        Assert.Equal((year, month), ArxivId.DateOf(id));
    }

    [Theory]
    [InlineData("IPO (arXiv:2310.12036)", "2310.12036")]
    [InlineData("arXiv: 2310.12036v3", "2310.12036")]
    [InlineData("\\[1706.03762\\] Attention Is All You Need", "1706.03762")]
    [InlineData("[1706.03762] Attention Is All You Need - arXiv", "1706.03762")]
    [InlineData("no id here 2021", null)]
    public void An_id_is_found_in_prose_after_an_arxiv_label_or_in_brackets(string text, string? expected)
    {
        Assert.Equal(expected, ArxivId.FindInText(text));
    }

    [Fact]
    public void An_arxiv_label_followed_by_a_bad_id_is_found_as_malformed()
    {
        Assert.Equal("2313.12345", ArxivId.FindMalformedInText("see arXiv:2313.12345 for details"));
        Assert.Null(ArxivId.FindMalformedInText("see arXiv:2310.12036, for details"));
    }
}
