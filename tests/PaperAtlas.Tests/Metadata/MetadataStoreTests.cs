using PaperAtlas.Diagnostics;
using PaperAtlas.Metadata;

namespace PaperAtlas.Tests.Metadata;

/// <summary>Reading content/metadata/: the records, and a diagnostic at its line for each one broken by hand.</summary>
public sealed class MetadataStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _content;

    public MetadataStoreTests()
    {
        _content = _temp.PathOf("content");
        Directory.CreateDirectory(_content);
    }

    public void Dispose() => _temp.Dispose();

    private static readonly PaperMetadata Elmo = new("1802.05365",
        new ArxivRecord("Deep contextualized word representations", ["Matthew E. Peters", "Łukasz Ünicode"], "It models $O(n^2)$ \"uses\": #1 & <more>.",
            new DateOnly(2018, 2, 15), "cs.CL", "10.18653/v1/N18-1202", "NAACL 2018"),
        new ScholarRecord("3febb2bed8865945e7fddc99efd791887bb7e14f", "Deep Contextualized Word Representations", ["Matthew E. Peters"], 2018,
            "North American Chapter of the Association for Computational Linguistics", 11000, "1802.05365", "10.18653/v1/N18-1202", ["10.3115/v1/D14-1162", "1706.03762"]),
        default);

    private (PaperMetadataSet Set, IReadOnlyList<Diagnostic> Diagnostics) Load()
    {
        var diagnostics = new DiagnosticBag();
        var set = MetadataStore.Load(_content, diagnostics);
        return (set, diagnostics.ToSortedList());
    }

    private string Shown(string file) => $"{_content.Replace('\\', '/')}/metadata/{file}";

    private void WriteRecord(string file, params string[] lines) => _temp.Write($"content/metadata/{file}", Fixtures.Lines(lines));

    [Fact]
    public void An_atlas_without_a_metadata_folder_has_no_records()
    {
        var (set, diagnostics) = Load();

        Assert.Equal(0, set.Count);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_saved_record_loads_as_the_same_record()
    {
        MetadataStore.Save(_content, "1802.05365.yml", Elmo);

        var (set, diagnostics) = Load();

        Assert.Empty(diagnostics);
        Assert.Equal(Elmo, set.Find("1802.05365"));
        Assert.Equal(new SourceLocation(Shown("1802.05365.yml"), 13, 1), set.Find("1802.05365")!.Location);
    }

    [Fact]
    public void Saving_the_same_record_again_leaves_the_file_as_it_is()
    {
        Assert.True(MetadataStore.Save(_content, "1802.05365.yml", Elmo));

        Assert.False(MetadataStore.Save(_content, "1802.05365.yml", Elmo));
        Assert.True(MetadataStore.Save(_content, "1802.05365.yml", Elmo with { Scholar = Elmo.Scholar! with { CitationCount = 11001 } }));
    }

    [Fact]
    public void The_record_reads_as_one_paper_arxiv_speaking_for_the_paper_and_semantic_scholar_for_what_followed()
    {
        Assert.Equal(("Deep contextualized word representations", 2018, "cs.CL", 11000), (Elmo.Title, Elmo.Year, Elmo.PrimaryCategory, Elmo.CitationCount));
        Assert.Equal<string>(["Matthew E. Peters", "Łukasz Ünicode"], Elmo.Authors);
        Assert.Equal<string>(["10.3115/v1/D14-1162", "1706.03762"], Elmo.Cites);

        var scholarOnly = Elmo with { Arxiv = null };
        Assert.Equal(("Deep Contextualized Word Representations", false, 2018, null), (scholarOnly.Title, scholarOnly.TitleFromArxiv, scholarOnly.Year, scholarOnly.Abstract));
        Assert.Equal("10.18653/v1/N18-1202", scholarOnly.Doi);
        Assert.Equal<string>(["Matthew E. Peters"], scholarOnly.Authors);
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_an_error_at_its_line_and_the_rest_of_the_record_is_kept()
    {
        WriteRecord("1706.03762.yml",
            "id: \"1706.03762\"",
            "semantic_scholar:",
            "  title: \"Attention Is All You Need\"",
            "  citation_count: many",
            "  venue: \"NeurIPS\"");

        var (set, diagnostics) = Load();

        var error = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, DiagnosticCodes.FrontMatterField, Shown("1706.03762.yml"), 4), (error.Severity, error.Code, error.Location.File, error.Location.Line));
        Assert.Equal(("NeurIPS", null), (set.Find("1706.03762")!.Venue, set.Find("1706.03762")!.CitationCount));
    }

    [Fact]
    public void A_published_day_that_is_not_a_day_is_PA119_at_its_line()
    {
        WriteRecord("1706.03762.yml",
            "arxiv:",
            "  title: \"Attention Is All You Need\"",
            "  published: \"June 2017\"",
            "id: \"1706.03762\"");

        var (set, diagnostics) = Load();

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.MetadataRecordInvalid, 3), (error.Code, error.Location.Line));
        Assert.Equal($"{Shown("1706.03762.yml")}:3:14: error PA119: `published` is 'June 2017', which is not a day — write it as YYYY-MM-DD, e.g. `published: \"2017-06-12\"`", error.ToString());
        Assert.Equal("Attention Is All You Need", set.Find("1706.03762")!.Title);
    }

    [Fact]
    public void Broken_yaml_is_reported_at_its_line_and_the_record_left_out()
    {
        WriteRecord("1706.03762.yml",
            "id: \"1706.03762\"",
            "arxiv:",
            "  title: \"Attention Is All You Need",
            "  authors: [");

        var (set, diagnostics) = Load();

        Assert.Equal(0, set.Count);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.FrontMatterSyntax && d.Location.File == Shown("1706.03762.yml") && d.Location.Line >= 3);
    }

    [Fact]
    public void A_record_without_an_id_or_with_one_that_is_no_paper_id_is_PA119_and_left_out()
    {
        WriteRecord("a.yml", "arxiv:", "  title: \"A\"");
        WriteRecord("b.yml", "id: \"1706.03762v2\"");

        var (set, diagnostics) = Load();

        Assert.Equal(0, set.Count);
        Assert.Equal([(Shown("a.yml"), 1), (Shown("b.yml"), 1)], diagnostics.Select(d => (d.Location.File, d.Location.Line)));
        Assert.All(diagnostics, d => Assert.Equal((Severity.Error, DiagnosticCodes.MetadataRecordInvalid), (d.Severity, d.Code)));
    }

    [Fact]
    public void Two_records_for_one_paper_are_PA120_on_the_second_and_the_first_is_kept()
    {
        WriteRecord("1706.03762.yml", "id: \"1706.03762\"", "semantic_scholar:", "  venue: \"First\"");
        WriteRecord("copy.yml", "# a copy", "id: \"1706.03762\"", "semantic_scholar:", "  venue: \"Second\"");

        var (set, diagnostics) = Load();

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.MetadataDuplicate, Shown("copy.yml"), 2), (error.Code, error.Location.File, error.Location.Line));
        Assert.Contains($"in {Shown("1706.03762.yml")}", error.Message, StringComparison.Ordinal);
        Assert.Equal("First", set.Find("1706.03762")!.Venue);
    }

    [Fact]
    public void A_file_that_is_not_a_record_is_a_PA121_warning_and_not_read()
    {
        _temp.Write("content/metadata/notes.txt", "id: x\n");
        _temp.Write("content/metadata/old/1706.03762.yml", "id: \"1706.03762\"\n");
        _temp.Write("content/metadata/.gitkeep", "");

        var (set, diagnostics) = Load();

        Assert.Equal(0, set.Count);
        Assert.Equal([Shown("notes.txt"), Shown("old/1706.03762.yml")], diagnostics.Select(d => d.Location.File));
        Assert.All(diagnostics, d => Assert.Equal((Severity.Warning, DiagnosticCodes.MetadataFileNotRecord), (d.Severity, d.Code)));
    }

    [Fact]
    public void An_unknown_field_is_a_warning_at_its_line()
    {
        WriteRecord("1706.03762.yml", "id: \"1706.03762\"", "arxiv:", "  title: \"Attention\"", "  comment: \"15 pages\"");

        var (_, diagnostics) = Load();

        var warning = Assert.Single(diagnostics);
        Assert.Equal((Severity.Warning, DiagnosticCodes.UnknownField, 4), (warning.Severity, warning.Code, warning.Location.Line));
    }

    [Fact]
    public void A_cited_id_that_is_neither_an_arxiv_id_nor_a_doi_is_left_out_with_an_error_at_its_line()
    {
        WriteRecord("1706.03762.yml", "id: \"1706.03762\"", "semantic_scholar:", "  cites:", "  - \"1409.0473\"", "  - \"see page 3\"");

        var (set, diagnostics) = Load();

        Assert.Equal((DiagnosticCodes.MetadataRecordInvalid, 5), (Assert.Single(diagnostics).Code, diagnostics[0].Location.Line));
        Assert.Equal<string>(["1409.0473"], set.Find("1706.03762")!.Cites);
    }

    [Fact]
    public void A_metadata_folder_that_is_a_link_is_refused_and_nothing_is_read_through_it()
    {
        var outside = _temp.PathOf("outside");
        _temp.Write("outside/1706.03762.yml", "id: \"1706.03762\"\n");
        Directory.CreateSymbolicLink(Path.Combine(_content, MetadataStore.Folder), outside);

        var (set, diagnostics) = Load();

        Assert.Equal(0, set.Count);
        Assert.Equal(DiagnosticCodes.LinkRefused, Assert.Single(diagnostics).Code);
        Assert.Throws<IOException>(() => MetadataStore.Save(_content, "1802.05365.yml", Elmo));
    }
}
