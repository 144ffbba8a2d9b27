using PaperAtlas.Diagnostics;
using PaperAtlas.Metadata;
using PaperAtlas.Normalise;

namespace PaperAtlas.Tests.Normalise;

/// <summary>How the build folds content/metadata/ into the papers the lists make: what the lists say wins.</summary>
public sealed class StoredMetadataTests
{
    private static readonly (string, string) YearTable = ("content/lists/years.md", Fixtures.Lines(
        "| 年份 | 名字 | 简介 | 精读 |",
        "| ---- | ---- | ---- | ---- |",
        "| 2018 | [ELMo](https://arxiv.org/abs/1802.05365) | 上下文词向量 | |",
        "| 2017 | [Attention Is All You Need](https://arxiv.org/abs/1706.03762) | Transformer | |"));

    private static readonly (string, string) Elmo = ("1802.05365.yml", Fixtures.Lines(
        "arxiv:",
        "  authors:",
        "  - \"Matthew E. Peters\"",
        "  - \"Mark Neumann\"",
        "  title: \"Deep contextualized word representations\"",
        "id: \"1802.05365\"",
        "semantic_scholar:",
        "  citation_count: 11000",
        "  cites:",
        "  - \"10.3115/v1/D14-1162\"",
        "  - \"1706.03762\"",
        "  venue: \"North American Chapter of the Association for Computational Linguistics\""));

    private static (string, string) Transformer(string title) => ("1706.03762.yml", Fixtures.Lines(
        "arxiv:",
        "  authors:",
        "  - \"Ashish Vaswani\"",
        $"  title: \"{title}\"",
        "id: \"1706.03762\"",
        "semantic_scholar:",
        "  doi: \"10.5555/transformer\""));

    [Fact]
    public void A_paper_the_lists_name_only_by_nickname_shows_the_stored_title_and_keeps_the_nickname_as_alias()
    {
        var elmo = Fixtures.Graph([Elmo], YearTable).Paper("1802.05365");

        Assert.Equal("Deep contextualized word representations", elmo.Title);
        Assert.Equal<string>(["ELMo"], elmo.Aliases);
    }

    [Fact]
    public void Without_a_record_a_nickname_stays_the_title()
    {
        Assert.Equal("ELMo", Fixtures.Graph(YearTable).Paper("1802.05365").Title);
    }

    [Fact]
    public void A_title_a_list_gives_wins_over_the_stored_one()
    {
        var graph = Fixtures.Graph([Transformer("Attention is all you need")], YearTable);

        Assert.Equal("Attention Is All You Need", graph.Paper("1706.03762").Title);
        Assert.Empty(graph.WithCode(DiagnosticCodes.TitleDisagreesWithMetadata));
    }

    [Fact]
    public void A_list_title_that_the_stored_title_contradicts_is_a_warning_naming_arxivs_title()
    {
        var graph = Fixtures.Graph([Transformer("Sequence to Sequence Learning with Neural Networks")], YearTable);

        var warning = Assert.Single(graph.WithCode(DiagnosticCodes.TitleDisagreesWithMetadata));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(("content/lists/years.md", 4), (warning.Location.File, warning.Location.Line));
        Assert.Contains("arXiv calls it 'Sequence to Sequence Learning with Neural Networks'", warning.Message, StringComparison.Ordinal);
        Assert.Equal("Attention Is All You Need", graph.Paper("1706.03762").Title);
    }

    [Fact]
    public void Lists_that_disagree_on_a_title_are_told_what_arxiv_calls_the_paper()
    {
        var notes = ("content/lists/notes.md", Fixtures.Lines(
            "## InstructGPT",
            "- **Paper**:[Training language models to follow instructions with human feedback](https://arxiv.org/pdf/2203.02155.pdf)",
            "## FLAN",
            "- **Paper**:[Scaling Instruction-Finetuned Language Models](https://arxiv.org/pdf/2203.02155.pdf)"));
        var record = ("2203.02155.yml", Fixtures.Lines(
            "arxiv:",
            "  title: \"Training language models to follow instructions with human feedback\"",
            "id: \"2203.02155\""));

        var conflict = Assert.Single(Fixtures.Graph([record], notes).WithCode(DiagnosticCodes.TitleConflict));

        Assert.Equal(4, conflict.Location.Line);
        Assert.EndsWith("; arXiv calls it 'Training language models to follow instructions with human feedback'", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Authors_and_venue_come_from_the_record_when_the_lists_give_none()
    {
        var elmo = Fixtures.Graph([Elmo], YearTable).Paper("1802.05365");

        Assert.Equal<string>(["Matthew E. Peters", "Mark Neumann"], elmo.Authors);
        Assert.Equal("North American Chapter of the Association for Computational Linguistics", elmo.Venue);
        Assert.Equal(11000, elmo.Metadata?.CitationCount);
    }

    [Fact]
    public void Authors_and_a_venue_the_content_gives_win_over_the_record()
    {
        var diagnostics = new DiagnosticBag();
        var record = MetadataYaml.Read("content/metadata/1802.05365.yml", Elmo.Item2, diagnostics)!;
        var stated = Fixtures.Graph(YearTable).Paper("1802.05365") with { Authors = ["M. Peters"], Venue = "NAACL" };

        var (merged, _) = StoredMetadata.Merge(stated, record);

        Assert.Equal<string>(["M. Peters"], merged.Authors);
        Assert.Equal("NAACL", merged.Venue);
        Assert.Equal("Deep contextualized word representations", merged.Title);
    }

    [Fact]
    public void References_become_cites_edges_among_the_atlas_papers_found_by_arxiv_id_or_doi()
    {
        var elmoCitesDoi = ("1802.05365.yml", Elmo.Item2.Replace("\"10.3115/v1/D14-1162\"", "\"10.5555/TRANSFORMER\"", StringComparison.Ordinal)
            .Replace("  - \"1706.03762\"\n", "", StringComparison.Ordinal));

        var byArxiv = Fixtures.Graph([Elmo], YearTable).Graph.Edges;
        var byDoi = Fixtures.Graph([elmoCitesDoi, Transformer("Attention Is All You Need")], YearTable).Graph.Edges;

        var edge = Assert.Single(byArxiv);
        Assert.Equal(("1802.05365", "1706.03762", "cites", "semantic-scholar"), (edge.From, edge.To, edge.Kind, edge.Source));
        Assert.Equal(edge, Assert.Single(byDoi));
    }

    [Fact]
    public void A_record_of_no_paper_in_the_atlas_is_a_note_and_is_not_used()
    {
        var stray = ("2401.00001.yml", Fixtures.Lines("arxiv:", "  title: \"Gone\"", "id: \"2401.00001\""));

        var graph = Fixtures.Graph([stray], YearTable);

        var note = Assert.Single(graph.WithCode(DiagnosticCodes.MetadataWithoutPaper));
        Assert.Equal((Severity.Info, "content/metadata/2401.00001.yml"), (note.Severity, note.Location.File));
        Assert.Null(graph.Graph.Find("2401.00001"));
    }
}
