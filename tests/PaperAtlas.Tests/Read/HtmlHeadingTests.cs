namespace PaperAtlas.Tests.Read;

/// <summary>READMEs write some headings as raw HTML; those are sections like Markdown headings.</summary>
public sealed class HtmlHeadingTests
{
    [Fact]
    public void An_html_heading_block_is_the_section_of_the_entries_under_it()
    {
        var mention = Fixtures.Read(Fixtures.Lines(
            "## Survey",
            "",
            "- [A Survey of Large Language Models](https://arxiv.org/abs/2303.18223)",
            "",
            "<h2 id=\"ltechnique\">Technique</h2>",
            "",
            "### 2022",
            "",
            "- [Chain-of-Thought Prompting Elicits Reasoning in Large Language Models](https://arxiv.org/abs/2201.11903)")).Mentions[1];

        Assert.Equal(["Technique", "2022"], mention.Sections.Select(s => s.Title));
        Assert.Equal(5, mention.Sections[0].Location.Line);
    }

    [Fact]
    public void A_heading_keeps_its_text_without_inline_html_and_emoji()
    {
        var mention = Fixtures.Read(Fixtures.Lines(
            "### <h3 id=\"mllm\">🧠 Multimodal Reasoning in Large Language Models<h3/>",
            "- [Visual ChatGPT: Talking, Drawing and Editing with Visual Foundation Models](https://arxiv.org/abs/2303.04671)")).Single;

        Assert.Equal("Multimodal Reasoning in Large Language Models", Assert.Single(mention.Sections).Title);
    }

    [Fact]
    public void An_html_h1_is_the_readme_title_not_a_section()
    {
        var mention = Fixtures.Read(Fixtures.Lines(
            "<h1 align=\"center\">Awesome LLM Reasoning</h1>",
            "",
            "- [Large Language Models are Zero-Shot Reasoners](https://arxiv.org/abs/2205.11916)")).Single;

        Assert.Empty(mention.Sections);
    }
}
