using System.CommandLine;
using PaperAtlas.Cli.Commands;
using PaperAtlas.FakeServices;
using PaperAtlas.Tests.Metadata;

namespace PaperAtlas.Tests.Cli;

/// <summary>`atlas fetch` as a user runs it, against the loopback fakes on a virtual clock.</summary>
public sealed class FetchCommandTests
{
    private const string Key = "cli-secret-9f8e7d";

    private static CliRun Fetch(FetchFixture fixture, string? apiKey, params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var command = FetchCommand.Create(stdout, stderr, name => name == FetchCommand.ApiKeyVariable ? apiKey : null, fixture.Time);
        string[] args = ["--content", fixture.Content, "--arxiv-api", fixture.Fakes.ArxivApi.AbsoluteUri, "--s2-api", fixture.Fakes.ScholarApi.AbsoluteUri, .. extra];
        var code = new RootCommand { command }.Parse(["fetch", .. args]).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Fetch_writes_a_record_per_paper_prints_the_waits_and_exits_0()
    {
        using var fixture = FetchFixture.OfArxivIds("1706.03762", "1802.05365");
        fixture.Fakes.Fail(FakeServices.FakeServices.Arxiv, new Fault.TooManyRequests(RetryAfterSeconds: 4));

        var run = Fetch(fixture, apiKey: null);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"2 papers: 2 new record(s), 0 changed, 0 unchanged in {fixture.Content}/metadata\n", run.Stdout);
        Assert.Contains("arXiv: answered 429 Too Many Requests (Retry-After 4 s); asking again in 4 s (attempt 2 of 5)", run.StderrLines);
        Assert.Contains("no $S2_API_KEY: Semantic Scholar shares its rate limit among every caller without a key, so expect 429s and waits", run.StderrLines);
        run.AssertNoExceptionText();
    }

    [Fact]
    public void A_request_that_fails_every_time_exits_1_and_names_each_paper_it_cost()
    {
        using var fixture = FetchFixture.OfArxivIds("1706.03762");
        fixture.Fakes.Fail(FakeServices.FakeServices.Arxiv, [.. Enumerable.Repeat<Fault>(new Fault.ServerError(500), 5)]);

        var run = Fetch(fixture, apiKey: null);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not fetched: 1706.03762 from arXiv: arXiv answered 500 Internal Server Error 5 times", run.StderrLines);
        Assert.EndsWith("1 paper(s) lack something, 1 because a request failed: run `atlas fetch` again later\n", run.Stdout, StringComparison.Ordinal);
        Assert.NotNull(fixture.Stored().Find("1706.03762")!.Scholar);
    }

    [Fact]
    public void The_api_key_from_the_environment_is_sent_and_never_printed()
    {
        using var fixture = FetchFixture.OfArxivIds("1706.03762");
        fixture.Fakes.Fail(FakeServices.FakeServices.Scholar, new Fault.EchoKey());

        var run = Fetch(fixture, Key);
        var again = Fetch(fixture, Key, "--refresh");

        Assert.All(fixture.Fakes.RequestsTo(FakeServices.FakeServices.Scholar), r => Assert.Equal(Key, r.ApiKey));
        Assert.Contains("using the Semantic Scholar API key from $S2_API_KEY", run.StderrLines);
        Assert.DoesNotContain(Key, run.Stdout + run.Stderr + again.Stdout + again.Stderr, StringComparison.Ordinal);
        Assert.All(fixture.Files().Values, bytes => Assert.DoesNotContain(Key, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_stored_record_is_reported_at_its_line_and_fetched_again()
    {
        using var fixture = FetchFixture.OfArxivIds("1706.03762");
        Fetch(fixture, apiKey: null);
        var record = Path.Combine(fixture.MetadataFolder, "1706.03762.yml");
        File.WriteAllText(record, File.ReadAllText(record).Replace("citation_count: ", "citation_count: [", StringComparison.Ordinal));

        var run = Fetch(fixture, apiKey: null);

        Assert.Contains(run.StderrLines, l => l.StartsWith($"{fixture.Content}/metadata/1706.03762.yml:", StringComparison.Ordinal) && l.Contains(" error PA101: ", StringComparison.Ordinal));
        Assert.Equal(0, run.ExitCode);
        Assert.NotNull(fixture.Stored().Find("1706.03762"));
    }

    [Theory]
    [InlineData("--only-missing", "--refresh")]
    [InlineData("--arxiv-api", "ftp://example.org/api")]
    [InlineData("--s2-api", "not a url")]
    public void Contradictory_flags_and_non_http_endpoints_are_usage_errors(string option, string value)
    {
        var run = CliRun.Of("fetch", "--content", Paths.Seed(), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("atlas fetch: ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Atlas_help_lists_fetch()
    {
        var run = CliRun.Of("fetch", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--only-missing", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--s2-api", run.Stdout, StringComparison.Ordinal);
    }
}
