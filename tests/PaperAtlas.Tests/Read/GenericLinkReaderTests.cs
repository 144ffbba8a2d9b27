using PaperAtlas.Diagnostics;
using PaperAtlas.Read;

namespace PaperAtlas.Tests.Read;

public sealed class GenericLinkReaderTests
{
    private static readonly string Paragraph = Fixtures.Lines(
        "## Reading",
        "",
        "We liked [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685) a lot,",
        "and also the [project page](https://example.com/lora).");

    private static readonly string Bullets = Fixtures.Lines(
        "## Reading",
        "",
        "- [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685), a classic",
        "- the [project page](https://example.com/lora)",
        "- [arXiv:2305.18290](https://arxiv.org/abs/2305.18290)");

    [Fact]
    public void A_list_matching_no_shape_has_shape_unknown()
    {
        Assert.Equal(ListShape.Unknown, Fixtures.Read(Bullets).Reading.List.Shape);
    }

    [Fact]
    public void An_arxiv_link_in_plain_bullets_becomes_a_generic_mention_titled_by_its_text()
    {
        var mention = Fixtures.Read(Bullets).Mentions[0];

        Assert.Equal(MentionKind.Generic, mention.Kind);
        Assert.Equal("2106.09685", mention.ArxivId);
        Assert.Equal("LoRA: Low-Rank Adaptation of Large Language Models", mention.Title);
        Assert.Equal(["Reading"], mention.Sections.Select(s => s.Title));
    }

    [Fact]
    public void Links_to_no_paper_give_no_generic_mention()
    {
        Assert.Equal(["2106.09685", "2305.18290"], Fixtures.Read(Bullets).Mentions.Select(m => m.ArxivId));
    }

    [Fact]
    public void A_link_whose_text_is_an_arxiv_label_gives_no_title()
    {
        var mention = Fixtures.Read(Bullets).Mentions[1];

        Assert.Null(mention.Title);
        Assert.Null(mention.Name);
    }

    [Fact]
    public void Reading_links_generically_is_reported_once_as_info_PA203_at_the_first_link()
    {
        var info = Assert.Single(Fixtures.Read(Bullets).Diagnostics);

        Assert.Equal(DiagnosticCodes.UnknownListShape, info.Code);
        Assert.Equal(Severity.Info, info.Severity);
        Assert.Equal(new SourceLocation("content/lists/fixture.md", 3, 3), info.Location);
        Assert.StartsWith("2 paper link(s)", info.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_with_no_paper_links_has_no_mentions_and_no_diagnostics()
    {
        var reading = Fixtures.Read("- Just some notes with a [blog](https://example.com/post).\n");

        Assert.Empty(reading.Mentions);
        Assert.Empty(reading.Diagnostics);
    }

    [Fact]
    public void An_arxiv_link_in_a_plain_paragraph_becomes_a_generic_mention()
    {
        var mention = Fixtures.Read(Paragraph).Single;

        Assert.Equal(MentionKind.Generic, mention.Kind);
        Assert.Equal("2106.09685", mention.ArxivId);
        Assert.Equal("LoRA: Low-Rank Adaptation of Large Language Models", mention.Title);
    }

    [Fact]
    public void An_arxiv_link_in_a_plain_paragraph_is_reported_as_info_PA203()
    {
        var info = Assert.Single(Fixtures.Read(Paragraph).Diagnostics);

        Assert.Equal(DiagnosticCodes.UnknownListShape, info.Code);
        Assert.Equal(new SourceLocation("content/lists/fixture.md", 3, 10), info.Location);
    }

    [Fact]
    public void A_malformed_arxiv_link_in_a_plain_paragraph_is_a_PA201_error()
    {
        var reading = Fixtures.Read("Read [this](https://arxiv.org/abs/2313.12345) first.\n");

        Assert.Equal(1, Assert.Single(reading.WithCode(DiagnosticCodes.MalformedArxivId)).Location.Line);
    }
}
