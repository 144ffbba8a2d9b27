using System.Text.Json;
using PaperAtlas.FakeServices;
using PaperAtlas.Metadata;

namespace PaperAtlas.Tests.Metadata;

/// <summary>`atlas fetch` against loopback fakes of arXiv and Semantic Scholar, on a virtual clock.</summary>
public sealed class FetchTests
{
    private const string Elmo = "1802.05365";
    private const string Transformer = "1706.03762";

    private static readonly TimeSpan ArxivSpacing = ServicePace.Arxiv.Spacing;

    private static string[] Ids(int count) => [.. Enumerable.Range(1, count).Select(i => $"2401.{i:D5}")];

    [Fact]
    public void Every_arxiv_paper_gets_a_record_with_what_arxiv_and_semantic_scholar_say()
    {
        using var fixture = FetchFixture.OfArxivIds(Transformer, Elmo, "2106.09685");

        var report = fixture.Fetch();

        Assert.False(report.Failed);
        Assert.Equal(3, report.Created);
        var elmo = fixture.Stored().Find(Elmo)!;
        Assert.Equal("Deep contextualized word representations", elmo.Title);
        Assert.True(elmo.TitleFromArxiv);
        Assert.Equal<string>(["Matthew E. Peters", "Mark Neumann", "Mohit Iyyer", "Matt Gardner", "Christopher Clark", "Kenton Lee", "Luke Zettlemoyer"], elmo.Authors);
        Assert.Equal(new DateOnly(2018, 2, 15), elmo.Published);
        Assert.Equal("cs.CL", elmo.PrimaryCategory);
        Assert.Equal("10.18653/v1/N18-1202", elmo.Doi);
        Assert.Equal("NAACL 2018", elmo.JournalRef);
        Assert.Equal("North American Chapter of the Association for Computational Linguistics", elmo.Venue);
        Assert.Equal(11000, elmo.CitationCount);
        Assert.StartsWith("We introduce a new type of deep contextualized word representation that models both (1)", elmo.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_is_written_in_the_documented_form()
    {
        using var fixture = FetchFixture.OfArxivIds(Elmo);

        fixture.Fetch();

        Assert.Equal(Fixtures.Lines(
            MetadataYaml.Header,
            "arxiv:",
            "  abstract: >-",
            "    We introduce a new type of deep contextualized word representation that models both (1) complex characteristics",
            "    of word use (e.g., syntax and semantics), and (2) how these uses vary across linguistic contexts (i.e.,",
            "    to model polysemy).",
            "  authors:",
            "  - \"Matthew E. Peters\"",
            "  - \"Mark Neumann\"",
            "  - \"Mohit Iyyer\"",
            "  - \"Matt Gardner\"",
            "  - \"Christopher Clark\"",
            "  - \"Kenton Lee\"",
            "  - \"Luke Zettlemoyer\"",
            "  doi: \"10.18653/v1/N18-1202\"",
            "  journal_ref: \"NAACL 2018\"",
            "  primary_category: \"cs.CL\"",
            "  published: \"2018-02-15\"",
            "  title: \"Deep contextualized word representations\"",
            "id: \"1802.05365\"",
            "semantic_scholar:",
            "  arxiv_id: \"1802.05365\"",
            "  authors:",
            "  - \"Matthew E. Peters\"",
            "  - \"Mark Neumann\"",
            "  - \"Mohit Iyyer\"",
            "  - \"Matt Gardner\"",
            "  - \"Christopher Clark\"",
            "  - \"Kenton Lee\"",
            "  - \"Luke Zettlemoyer\"",
            "  citation_count: 11000",
            "  cites:",
            "  - \"10.3115/v1/D14-1162\"",
            "  - \"1706.03762\"",
            "  doi: \"10.18653/v1/N18-1202\"",
            $"  paper_id: \"{FakeCatalogue.Real.Single(p => p.ArxivId == Elmo).ScholarId}\"",
            "  title: \"Deep contextualized word representations\"",
            "  venue: \"North American Chapter of the Association for Computational Linguistics\"",
            "  year: 2018"), fixture.Record(Elmo));
    }

    [Fact]
    public void Cites_keeps_each_reference_by_arxiv_id_or_doi_and_drops_references_without_either()
    {
        using var fixture = FetchFixture.OfArxivIds(Elmo);

        fixture.Fetch();

        Assert.Equal<string>(["10.3115/v1/D14-1162", Transformer], fixture.Stored().Find(Elmo)!.Cites);
    }

    [Fact]
    public void Two_fetches_with_the_same_answers_write_byte_identical_files()
    {
        using var first = FetchFixture.OfArxivIds(Transformer, Elmo, "2106.09685", "cs/0112017");
        using var second = FetchFixture.OfArxivIds(Transformer, Elmo, "2106.09685", "cs/0112017");

        first.Fetch();
        second.Fetch();

        Assert.Equal(first.Files().Keys, second.Files().Keys);
        Assert.All(first.Files(), file => Assert.Equal(file.Value, second.Files()[file.Key]));
        Assert.Contains("cs-0112017.yml", first.Files().Keys);
    }

    [Fact]
    public void A_refresh_with_the_same_answers_changes_no_file()
    {
        using var fixture = FetchFixture.OfArxivIds(Transformer, Elmo);
        fixture.Fetch();
        var before = fixture.Files();

        var report = fixture.Fetch(refresh: true);

        Assert.Equal((0, 0, 2), (report.Created, report.Changed, report.Unchanged));
        Assert.All(before, file => Assert.Equal(file.Value, fixture.Files()[file.Key]));
    }

    [Fact]
    public void Only_missing_asks_only_about_papers_without_a_record()
    {
        using var fixture = FetchFixture.OfArxivIds(Transformer, Elmo, "2106.09685");
        File.WriteAllText(Path.Combine(fixture.Content, "lists", "fixture.md"),
            File.ReadAllText(Path.Combine(fixture.Content, "lists", "fixture.md")).Replace($"- [Paper {Elmo}](https://arxiv.org/abs/{Elmo})\n", "", StringComparison.Ordinal));
        fixture.Fetch();
        var asked = fixture.Fakes.Requests.Count;
        File.AppendAllText(Path.Combine(fixture.Content, "lists", "fixture.md"), $"- [ELMo](https://arxiv.org/abs/{Elmo})\n");

        var report = fixture.Fetch();

        var later = fixture.Fakes.Requests.Skip(asked).ToList();
        Assert.Equal(Elmo, Assert.Single(later, r => r.Service == FakeServices.FakeServices.Arxiv).Parameter("id_list"));
        Assert.Equal(["ARXIV:" + Elmo], BatchIds(Assert.Single(later, r => r.Service == FakeServices.FakeServices.Scholar)));
        Assert.Equal(1, report.Created);
    }

    [Fact]
    public void Requests_to_arxiv_are_at_least_three_seconds_apart_and_hold_at_most_a_hundred_ids()
    {
        using var fixture = FetchFixture.OfArxivIds(Ids(250));

        fixture.Fetch();

        var requests = fixture.Fakes.RequestsTo(FakeServices.FakeServices.Arxiv);
        Assert.Equal([100, 100, 50], requests.Select(r => r.Parameter("id_list")!.Split(',').Length));
        Assert.Equal(["100", "100", "50"], requests.Select(r => r.Parameter("max_results")));
        Assert.All(requests.Zip(requests.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= ArxivSpacing, $"{pair.Second.At - pair.First.At} between requests"));
        Assert.Equal(250, fixture.Stored().Records.Count(r => r.Arxiv is not null));
    }

    [Fact]
    public void Semantic_scholar_is_asked_in_batches_of_a_hundred_arxiv_ids()
    {
        using var fixture = FetchFixture.OfArxivIds(Ids(150));

        fixture.Fetch();

        var requests = fixture.Fakes.RequestsTo(FakeServices.FakeServices.Scholar);
        Assert.Equal([100, 50], requests.Select(r => BatchIds(r).Count));
        Assert.All(requests, r => Assert.Equal(("POST", "/graph/v1/paper/batch"), (r.Method, r.Path)));
        Assert.All(requests, r => Assert.Equal(ScholarClient.Fields, r.Parameter("fields")));
        Assert.All(requests.SelectMany(BatchIds), id => Assert.StartsWith("ARXIV:2401.", id, StringComparison.Ordinal));
    }

    [Fact]
    public void A_429_with_Retry_After_is_asked_again_exactly_that_much_later()
    {
        using var fixture = FetchFixture.OfArxivIds(Transformer);
        fixture.Fakes.Fail(FakeServices.FakeServices.Arxiv, new Fault.TooManyRequests(RetryAfterSeconds: 7));

        var report = fixture.Fetch();

        var requests = fixture.Fakes.RequestsTo(FakeServices.FakeServices.Arxiv);
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        Assert.Equal(TimeSpan.FromSeconds(7), requests[1].At - requests[0].At);
        Assert.Contains(fixture.Log, l => l.StartsWith("arXiv: answered 429 Too Many Requests (Retry-After 7 s); asking again in 7 s (attempt 2 of 5)", StringComparison.Ordinal));
        Assert.False(report.Failed);
    }

    [Fact]
    public void A_429_without_Retry_After_backs_off_doubling_from_five_seconds()
    {
        using var fixture = FetchFixture.OfArxivIds(Transformer);
        fixture.Fakes.Fail(FakeServices.FakeServices.Scholar, new Fault.TooManyRequests(), new Fault.TooManyRequests(), new Fault.TooManyRequests());

        fixture.Fetch();

        var times = fixture.Fakes.RequestsTo(FakeServices.FakeServices.Scholar).Select(r => r.At).ToList();
        Assert.Equal([5, 10, 20], times.Zip(times.Skip(1)).Select(pair => (pair.Second - pair.First).TotalSeconds));
        Assert.NotNull(fixture.Stored().Find(Transformer)!.Scholar);
    }

    [Fact]
    public void A_Retry_After_longer_than_two_minutes_is_waited_for_two_minutes()
    {
        using var fixture = FetchFixture.OfArxivIds(Transformer);
        fixture.Fakes.Fail(FakeServices.FakeServices.Scholar, new Fault.TooManyRequests(RetryAfterSeconds: 86400));

        fixture.Fetch();

        var requests = fixture.Fakes.RequestsTo(FakeServices.FakeServices.Scholar);
        Assert.Equal(TimeSpan.FromMinutes(2), requests[1].At - requests[0].At);
    }

    [Fact]
    public void A_500_and_a_cut_answer_are_asked_again_and_the_answer_is_kept()
    {
        using var fixture = FetchFixture.OfArxivIds(Transformer);
        fixture.Fakes.Fail(FakeServices.FakeServices.Arxiv, new Fault.ServerError(500), new Fault.Truncated());
        fixture.Fakes.Fail(FakeServices.FakeServices.Scholar, new Fault.Truncated(), new Fault.ServerError(502));

        var report = fixture.Fetch();

        Assert.False(report.Failed);
        Assert.Equal(3, fixture.Fakes.RequestsTo(FakeServices.FakeServices.Arxiv).Count);
        Assert.Equal(3, fixture.Fakes.RequestsTo(FakeServices.FakeServices.Scholar).Count);
        Assert.Contains(fixture.Log, l => l.StartsWith("arXiv: answered 500 Internal Server Error; asking again", StringComparison.Ordinal));
        Assert.Contains(fixture.Log, l => l.StartsWith("arXiv: the answer was cut short", StringComparison.Ordinal));
        Assert.Contains(fixture.Log, l => l.StartsWith("Semantic Scholar: the answer was cut short", StringComparison.Ordinal));
        var record = fixture.Stored().Find(Transformer)!;
        Assert.Equal(("Attention Is All You Need", "Neural Information Processing Systems"), (record.Title, record.Venue));
    }

    [Fact]
    public void A_service_that_keeps_failing_costs_only_its_own_part_and_the_report_says_what_is_missing()
    {
        using var fixture = FetchFixture.OfArxivIds(Transformer, Elmo);
        fixture.Fakes.Fail(FakeServices.FakeServices.Scholar, [.. Enumerable.Repeat<Fault>(new Fault.ServerError(503), 5)]);

        var report = fixture.Fetch();

        Assert.True(report.Failed);
        Assert.Equal([(Transformer, "Semantic Scholar", true), (Elmo, "Semantic Scholar", true)],
            report.Missing.Select(m => (m.PaperId, m.Service, m.Failed)));
        Assert.Equal("Semantic Scholar answered 503 Service Unavailable 5 times", report.Missing[0].Why);
        Assert.All(fixture.Stored().Records, r => Assert.Equal((true, false), (r.Arxiv is not null, r.Scholar is not null)));
    }

    [Fact]
    public void The_next_fetch_asks_only_for_the_part_that_failed_and_completes_the_record()
    {
        using var fixture = FetchFixture.OfArxivIds(Transformer);
        fixture.Fakes.Fail(FakeServices.FakeServices.Scholar, [.. Enumerable.Repeat<Fault>(new Fault.ServerError(503), 5)]);
        fixture.Fetch();
        var asked = fixture.Fakes.Requests.Count;

        var report = fixture.Fetch();

        Assert.Equal([FakeServices.FakeServices.Scholar], fixture.Fakes.Requests.Skip(asked).Select(r => r.Service));
        Assert.Equal((0, 1), (report.Created, report.Changed));
        var record = fixture.Stored().Find(Transformer)!;
        Assert.Equal((true, true), (record.Arxiv is not null, record.Scholar is not null));
    }

    [Fact]
    public void An_id_neither_service_knows_gets_no_record_and_is_reported_as_not_found()
    {
        var catalogue = FakeCatalogue.Synthetic(["2401.00001", "2401.00002"]);
        catalogue = new FakeCatalogue(catalogue.Papers.Select(p => p.ArxivId == "2401.00002" ? p with { KnownToArxiv = false, KnownToScholar = false } : p));
        using var fixture = new FetchFixture(catalogue, "- [One](https://arxiv.org/abs/2401.00001)", "- [Two](https://arxiv.org/abs/2401.00002)");

        var report = fixture.Fetch();

        Assert.False(report.Failed);
        Assert.Equal([("2401.00002", "Semantic Scholar does not know ARXIV:2401.00002"), ("2401.00002", "arXiv does not know 2401.00002")],
            report.Missing.Select(m => (m.PaperId, m.Why)));
        Assert.Equal(["2401.00001"], fixture.Stored().Records.Select(r => r.Id));
    }

    [Fact]
    public void A_paper_known_by_doi_is_asked_of_semantic_scholar_by_doi_and_of_arxiv_by_the_id_it_learns()
    {
        using var fixture = new FetchFixture(FakeCatalogue.Synthetic([], FakeCatalogue.Real), "- [Deep contextualized word representations](https://doi.org/10.18653/v1/N18-1202)");

        fixture.Fetch();

        Assert.Equal(["DOI:10.18653/v1/N18-1202"], BatchIds(Assert.Single(fixture.Fakes.RequestsTo(FakeServices.FakeServices.Scholar))));
        Assert.Equal(Elmo, Assert.Single(fixture.Fakes.RequestsTo(FakeServices.FakeServices.Arxiv)).Parameter("id_list"));
        var record = Assert.Single(fixture.Stored().Records);
        Assert.Equal(("10.18653/v1/N18-1202", "Deep contextualized word representations"), (record.Id, record.Title));
    }

    [Fact]
    public void A_paper_known_only_by_its_title_is_stored_when_the_match_is_the_same_title()
    {
        using var fixture = new FetchFixture(FakeCatalogue.Synthetic([], FakeCatalogue.Real),
            YearTable("| 2020 | [Denoising Diffusion Probabilistic Models](https://proceedings.neurips.cc/paper/2020/file/4c5bcfec8584af0d967f1ab10179ca4b-Paper.pdf) | DDPM | |"));

        fixture.Fetch();

        var match = Assert.Single(fixture.Fakes.RequestsTo(FakeServices.FakeServices.Scholar));
        Assert.Equal(("/graph/v1/paper/search/match", "Denoising Diffusion Probabilistic Models"), (match.Path, match.Parameter("query")));
        var record = Assert.Single(fixture.Stored().Records);
        Assert.Equal(("denoising-diffusion-probabilistic-models", "2006.11239"), (record.Id, record.Scholar!.ArxivId));
        Assert.Equal<string>(["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"], record.Arxiv!.Authors);
    }

    [Fact]
    public void An_uncertain_title_match_is_not_stored()
    {
        using var fixture = new FetchFixture(FakeCatalogue.Synthetic([], FakeCatalogue.Real),
            YearTable("| 2021 | [Diffusion Models for Speech Synthesis](https://proceedings.neurips.cc/paper/2021/file/speech-Paper.pdf) | speech | |"));

        var report = fixture.Fetch();

        Assert.False(Directory.Exists(fixture.MetadataFolder));
        var missing = Assert.Single(report.Missing);
        Assert.Equal("the closest title, 'Denoising Diffusion Probabilistic Models' (2020), is not certainly this paper; not stored", missing.Why);
        Assert.False(missing.Failed);
    }

    [Fact]
    public void A_title_too_short_to_be_certain_is_not_asked_about()
    {
        using var fixture = new FetchFixture(FakeCatalogue.Synthetic([], FakeCatalogue.Real),
            YearTable("| 2019 | [GPT-2](https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf) | GPT-2 | |"));

        var report = fixture.Fetch();

        Assert.Empty(fixture.Fakes.Requests);
        Assert.Contains("too short a title", Assert.Single(report.Missing).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_key_goes_to_semantic_scholar_in_its_header_and_nowhere_else()
    {
        const string key = "s2-key-that-must-never-be-printed";
        using var fixture = FetchFixture.OfArxivIds(Transformer, Elmo);
        fixture.Fakes.Fail(FakeServices.FakeServices.Scholar, new Fault.EchoKey());
        var first = fixture.Fetch(apiKey: key);
        var second = fixture.Fetch(apiKey: key);

        Assert.All(fixture.Fakes.RequestsTo(FakeServices.FakeServices.Scholar), r => Assert.Equal(key, r.ApiKey));
        Assert.All(fixture.Fakes.RequestsTo(FakeServices.FakeServices.Arxiv), r => Assert.Null(r.ApiKey));
        var printed = string.Join('\n', fixture.Log.Concat(first.Missing.Concat(second.Missing).Select(m => m.Why)));
        Assert.Contains("answered 403: Forbidden: the key '***' is not valid here", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, printed, StringComparison.Ordinal);
        Assert.All(fixture.Files().Values, bytes => Assert.DoesNotContain(key, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal));
        Assert.DoesNotContain(key, fixture.Options(apiKey: key).ToString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_request_says_who_asks_in_its_user_agent()
    {
        using var fixture = FetchFixture.OfArxivIds(Transformer);

        fixture.Fetch();

        Assert.All(fixture.Fakes.Requests, r => Assert.StartsWith("PaperAtlas/1.0 (atlas fetch: ", r.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_refused_request_is_not_asked_again()
    {
        using var fixture = FetchFixture.OfArxivIds(Transformer);
        fixture.Fakes.Fail(FakeServices.FakeServices.Scholar, new Fault.EchoKey());

        var report = fixture.Fetch();

        Assert.Single(fixture.Fakes.RequestsTo(FakeServices.FakeServices.Scholar));
        Assert.True(report.Failed);
    }

    /// <summary>A year table, the list shape that names papers without arXiv links (as the seed timeline does).</summary>
    private static string[] YearTable(params string[] rows) => ["| 年份 | 名字 | 简介 | 精读 |", "| --- | --- | --- | --- |", .. rows];

    [Fact]
    public async Task A_redirect_is_not_followed_so_the_key_goes_nowhere_else_and_the_new_address_is_named()
    {
        using var fixture = FetchFixture.OfArxivIds(Transformer);
        using var moved = new FakeServices.FakeServices(FakeCatalogue.Synthetic([]), fixture.Time, redirectTo: fixture.Fakes.Root);
        var options = new FetchOptions(fixture.Content) { ArxivApi = fixture.Fakes.ArxivApi, ScholarApi = moved.ScholarApi, ScholarApiKey = "redirected-key", Time = fixture.Time };

        var report = await MetadataFetcher.Fetch(options, fixture.Log.Add);

        Assert.Single(moved.Requests);
        Assert.Empty(fixture.Fakes.RequestsTo(FakeServices.FakeServices.Scholar));
        Assert.Equal($"Semantic Scholar: answered 301 Moved Permanently, pointing to {fixture.Fakes.ScholarApi}/paper/batch?fields={ScholarClient.Fields}: give that address instead",
            Assert.Single(report.Missing).Why);
    }

    private static List<string> BatchIds(FakeRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return [.. body.RootElement.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!)];
    }
}
