namespace PaperAtlas.Tests.Normalise;

/// <summary>A paper no paper file describes takes the authors and venue its first list entry states.</summary>
public sealed class ListStatedMetadataTests
{
    [Fact]
    public void A_paper_takes_its_authors_and_venue_from_the_list_entry_that_states_them()
    {
        var graph = Fixtures.Graph(("content/lists/reasoning.md", Fixtures.Lines(
            "1. **[Large Language Models Can Self-Improve.](https://arxiv.org/abs/2210.11610)**",
            "",
            "    *Jiaxin Huang, Shixiang Shane Gu, Le Hou.* EMNLP'23")));

        var paper = graph.Paper("2210.11610");

        Assert.Equal(["Jiaxin Huang", "Shixiang Shane Gu", "Le Hou"], paper.Authors.ToArray());
        Assert.Equal("EMNLP'23", paper.Venue);
    }

    [Fact]
    public void A_code_link_an_entry_gives_is_a_link_of_the_paper()
    {
        var graph = Fixtures.Graph(("content/lists/reasoning.md",
            "- **[Self-Consistency Improves Chain of Thought Reasoning in Language Models](https://arxiv.org/abs/2203.11171)** [[code](https://github.com/example/sc)]\n"));

        Assert.Contains(graph.Paper("2203.11171").Links, l => l.Label == "code" && l.Url == "https://github.com/example/sc");
    }
}
