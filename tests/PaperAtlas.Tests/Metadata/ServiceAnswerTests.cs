using PaperAtlas.Metadata;

namespace PaperAtlas.Tests.Metadata;

/// <summary>Reading the services' answers in their real formats, from small frozen examples.</summary>
public sealed class ServiceAnswerTests
{
    private const string Feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <link href="http://arxiv.org/api/query?search_query%3D%26id_list%3D2303.08774%2Ccs%2F0112017%26start%3D0%26max_results%3D10" rel="self" type="application/atom+xml"/>
          <title type="html">ArXiv Query: search_query=&amp;id_list=2303.08774,cs/0112017&amp;start=0&amp;max_results=10</title>
          <id>http://arxiv.org/api/QzNYWqKq+J4WS62/AKiDfpkbQx0</id>
          <updated>2023-05-16T00:00:00-04:00</updated>
          <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">2</opensearch:totalResults>
          <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
          <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">10</opensearch:itemsPerPage>
          <entry>
            <id>http://arxiv.org/abs/2303.08774v3</id>
            <updated>2023-03-27T17:46:54Z</updated>
            <published>2023-03-15T17:15:04Z</published>
            <title>GPT-4 Technical
          Report</title>
            <summary>  We report the development of GPT-4, a large-scale, multimodal model which can
        accept image and text inputs &amp; produce text outputs.
        </summary>
            <author>
              <name> OpenAI</name>
            </author>
            <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">100 pages</arxiv:comment>
            <link href="http://arxiv.org/abs/2303.08774v3" rel="alternate" type="text/html"/>
            <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
            <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
          </entry>
          <entry>
            <id>http://arxiv.org/abs/cs/0112017v1</id>
            <published>2001-12-18T20:13:55Z</published>
            <title>An old-style paper</title>
            <summary>Short.</summary>
            <author><name>A. Author</name></author>
            <author><name>B. Author</name></author>
            <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">10.1063/1.1383585</arxiv:doi>
            <link title="doi" href="http://dx.doi.org/10.1063/1.1383585" rel="related"/>
            <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">J. Chem. Phys. 115, 1626 (2001)</arxiv:journal_ref>
            <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.AI" scheme="http://arxiv.org/schemas/atom"/>
          </entry>
          <entry>
            <id>http://arxiv.org/abs/2401.99999v1</id>
            <title></title>
          </entry>
          <entry>
            <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>
            <title>Error</title>
            <summary>incorrect id format for 1234</summary>
            <author><name>arXiv api core</name></author>
          </entry>
        </feed>
        """;

    [Fact]
    public void An_arxiv_entry_gives_title_authors_abstract_first_day_category_doi_and_journal()
    {
        var (entries, _) = ArxivAtom.Read(Feed);

        var gpt4 = entries["2303.08774"];
        Assert.Equal(("GPT-4 Technical Report", new DateOnly(2023, 3, 15), "cs.CL", null, null), (gpt4.Title, gpt4.Published, gpt4.PrimaryCategory, gpt4.Doi, gpt4.JournalRef));
        Assert.Equal("We report the development of GPT-4, a large-scale, multimodal model which can accept image and text inputs & produce text outputs.", gpt4.Abstract);
        Assert.Equal<string>(["OpenAI"], gpt4.Authors);
        var old = entries["cs/0112017"];
        Assert.Equal(("10.1063/1.1383585", "J. Chem. Phys. 115, 1626 (2001)", "cs.AI"), (old.Doi, old.JournalRef, old.PrimaryCategory));
        Assert.Equal<string>(["A. Author", "B. Author"], old.Authors);
    }

    [Fact]
    public void An_entry_without_a_title_is_an_unknown_id_and_an_error_entry_is_reported_not_read()
    {
        var (entries, errors) = ArxivAtom.Read(Feed);

        Assert.Equal(["2303.08774", "cs/0112017"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["incorrect id format for 1234"], errors);
    }

    [Theory]
    [InlineData("<html><body>Service temporarily unavailable</body></html>")]
    [InlineData("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/1706.03762v7</id><title>Attent")]
    [InlineData("<!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><feed xmlns=\"http://www.w3.org/2005/Atom\">&x;</feed>")]
    public void An_answer_that_is_not_a_whole_feed_is_malformed_and_no_entity_is_expanded(string xml) =>
        Assert.Throws<MalformedAnswerException>(() => ArxivAtom.Read(xml));

    private const string Batch = """
        [
          {"paperId": "204e3073870fae3d05bcbc2f6a8e263d9b72e776", "externalIds": {"DBLP": "journals/corr/VaswaniSPUJGKP17", "ArXiv": "1706.03762", "MAG": "2963403868", "CorpusId": 13756489},
           "title": "Attention is All you Need", "venue": "Neural Information Processing Systems", "year": 2017, "citationCount": 150000,
           "authors": [{"authorId": "40348417", "name": "Ashish Vaswani"}, {"authorId": "1846258", "name": "Noam M. Shazeer"}],
           "references": [
             {"paperId": "fa72afa9b2cbc8f0d7b05d52548906610ffbb9c5", "externalIds": {"ArXiv": "1409.0473", "DOI": "10.1000/x", "CorpusId": 11212020}},
             {"paperId": "2c03df8b48bf3fa39054345bafabfeff15bfd11d", "externalIds": {"DOI": "10.1109/CVPR.2016.90", "CorpusId": 206594692}},
             {"paperId": "aaaa", "externalIds": {"ArXiv": "1409.0473v7"}},
             {"paperId": null, "externalIds": null},
             {"paperId": "bbbb", "externalIds": {"CorpusId": 1}}
           ]},
          null,
          {"paperId": "cccc", "externalIds": {"CorpusId": 2}, "title": "No arXiv", "venue": "", "year": null, "citationCount": 0, "authors": [], "references": []}
        ]
        """;

    [Fact]
    public void A_batch_answer_gives_one_record_or_null_per_id_in_the_order_asked()
    {
        var papers = ScholarJson.ReadBatch(Batch, asked: 3);

        Assert.Null(papers[1]);
        var transformer = papers[0]!;
        Assert.Equal(("204e3073870fae3d05bcbc2f6a8e263d9b72e776", "Attention is All you Need", 2017, "Neural Information Processing Systems", 150000, "1706.03762", null),
            (transformer.PaperId, transformer.Title, transformer.Year, transformer.Venue, transformer.CitationCount, transformer.ArxivId, transformer.Doi));
        Assert.Equal<string>(["Ashish Vaswani", "Noam M. Shazeer"], transformer.Authors);
        Assert.Equal<string>(["10.1109/CVPR.2016.90", "1409.0473"], transformer.Cites);
        Assert.Equal((null, null, 0), (papers[2]!.Venue, papers[2]!.Year, papers[2]!.CitationCount));
    }

    [Theory]
    [InlineData("[{\"paperId\": \"a\"}, null", 2)]
    [InlineData("[null]", 2)]
    [InlineData("{\"message\": \"Internal server error\"}", 1)]
    public void A_batch_answer_cut_short_or_of_the_wrong_length_is_malformed(string json, int asked) =>
        Assert.Throws<MalformedAnswerException>(() => ScholarJson.ReadBatch(json, asked));

    [Fact]
    public void A_title_match_gives_its_paper_and_an_error_body_its_message()
    {
        var match = ScholarJson.ReadMatch("""{"data": [{"paperId": "abc", "title": "Denoising Diffusion Probabilistic Models", "matchScore": 173.3, "year": 2020}]}""");

        Assert.Equal(("abc", "Denoising Diffusion Probabilistic Models", 2020), (match!.PaperId, match.Title, match.Year));
        Assert.Equal("Title match not found", ScholarJson.ErrorOf("""{"error":"Title match not found"}"""));
        Assert.StartsWith("Too Many Requests.", ScholarJson.ErrorOf(FakeServices.ScholarAnswers.TooManyRequests), StringComparison.Ordinal);
        Assert.Null(ScholarJson.ErrorOf("<html>502 Bad Gateway</html>"));
    }

    [Theory]
    [InlineData("  Attention Is All You\n  Need  ", "Attention Is All You Need")]
    [InlineData("a\u0000b\u001bc\u0085d", "abc d")]
    [InlineData(" \n\t ", null)]
    public void Service_text_is_kept_as_one_line_without_control_characters(string text, string? expected) =>
        Assert.Equal(expected, MetadataText.Clean(text));

    [Fact]
    public void A_character_outside_the_basic_plane_stays_and_a_lone_surrogate_half_goes() =>
        Assert.Equal("emoji 😀 stays, a lone half does not", MetadataText.Clean("emoji 😀 stays, a lone " + '\ud800' + " half does not"));
}
