using System.Net;
using System.Net.Sockets;
using PaperAtlas.Cli;

namespace PaperAtlas.Tests.Cli;

/// <summary>`atlas serve`: serves the built site on loopback and tells open pages to reload after an edit.</summary>
public sealed class PreviewServerTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(120));

    [Fact]
    public async Task An_edit_to_a_list_rebuilds_the_site_and_tells_open_pages_which_pages_were_written()
    {
        var (content, output) = Folders();
        using var server = new PreviewServer(new BuildOptions(content, output, "/", Path.Combine(Paths.Root, "templates")), FreePort(), TextWriter.Null);
        var serving = Task.Run(() => server.Run(_stop.Token));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(20) };

        var home = await WaitForPage(http);
        Assert.Contains("/__atlas/reload.js", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/no/such/page/")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/..%2f..%2fetc/passwd")).StatusCode);
        _folder.Write("site-private/secret.txt", "not for the web");
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/..%2fsite-private/secret.txt")).StatusCode);

        await using var events = await http.GetStreamAsync("/__atlas/events");
        using var reader = new StreamReader(events);
        Assert.Equal(": connected", await reader.ReadLineAsync(_stop.Token));
        File.AppendAllText(Path.Combine(content, "lists", "techniques.md"), "\n| **QLoRA** | QLoRA: Efficient Finetuning of Quantized LLMs | [arXiv:2305.14314](https://arxiv.org/abs/2305.14314) |\n");

        var written = await WrittenUntil(reader, "/papers/2305.14314/");

        Assert.Contains("/papers/2305.14314/", written.SelectMany(w => w));
        Assert.True(File.Exists(Path.Combine(output, "papers", "2305.14314", "index.html")));
        await _stop.CancelAsync();
        await serving;
    }

    [Fact]
    public async Task A_paper_files_edit_tells_its_own_page_first_then_the_pages_that_show_it()
    {
        var (content, output) = Folders();
        using var server = new PreviewServer(new BuildOptions(content, output, "/", Path.Combine(Paths.Root, "templates")), FreePort(), TextWriter.Null);
        var serving = Task.Run(() => server.Run(_stop.Token));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(20) };
        await WaitForPage(http);

        await using var events = await http.GetStreamAsync("/__atlas/events");
        using var reader = new StreamReader(events);
        Assert.Equal(": connected", await reader.ReadLineAsync(_stop.Token));
        var file = Path.Combine(content, "papers", "2106.09685.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("title: \"LoRA: Low-Rank Adaptation", "title: \"LoRA: Low-Rank Adapters", StringComparison.Ordinal));

        var written = await WrittenUntil(reader, "/papers/");

        Assert.Equal(["/papers/2106.09685/"], written[0]);
        Assert.Contains("/papers/", written[^1]);
        Assert.Contains("Low-Rank Adapters", await http.GetStringAsync("/papers/", _stop.Token), StringComparison.Ordinal);
        await _stop.CancelAsync();
        await serving;
    }

    /// <summary>The URLs of each reload event, in order, up to the first that names <paramref name="url"/>.</summary>
    private async Task<List<string[]>> WrittenUntil(StreamReader reader, string url)
    {
        var written = new List<string[]>();
        while (!written.Any(w => w.Contains(url)) && await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                written.Add(line["data: ".Length..].Split(' '));
            }
        }

        return written;
    }

    [Fact]
    public async Task Only_plain_reads_of_plain_files_are_answered_with_the_sites_policy()
    {
        var (content, output) = Folders();
        using var server = new PreviewServer(new BuildOptions(content, output, "/", Path.Combine(Paths.Root, "templates")), FreePort(), TextWriter.Null);
        var serving = Task.Run(() => server.Run(_stop.Token));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(20) };
        await WaitForPage(http);
        _folder.Write("private/secret.txt", "not for the web");
        File.CreateSymbolicLink(Path.Combine(output, "linked.txt"), _folder.PathOf("private/secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(output, "linked"), _folder.PathOf("private"));

        using var page = await http.GetAsync("/");
        Assert.Equal("nosniff", string.Join(',', page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("img-src 'self' data:;", string.Join(',', page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        using var post = await http.PostAsync("/", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", post.Content.Headers.Allow));
        using var delete = await http.DeleteAsync("/index.html");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        using var nul = await http.GetAsync("/%00");
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.True(nul.Headers.ConnectionClose);
        using var backslash = await http.GetAsync("/papers%5c..%5c..%5cx");
        Assert.Equal(HttpStatusCode.BadRequest, backslash.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/linked.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/linked/secret.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/papers/")).StatusCode);
        await _stop.CancelAsync();
        await serving;
    }

    [Fact]
    public async Task A_second_serve_on_the_same_port_says_so_in_one_line_and_exits_2_without_building()
    {
        var (content, output) = Folders();
        var port = FreePort();
        using var first = new PreviewServer(new BuildOptions(content, output, "/"), port, TextWriter.Null);
        var serving = Task.Run(() => first.Run(_stop.Token));
        using var http = new HttpClient { BaseAddress = new Uri(first.Url), Timeout = TimeSpan.FromSeconds(20) };
        await WaitForPage(http);

        var second = CliRun.Of("serve", "--content", content, "--output", _folder.PathOf("site2"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(AtlasCommand.UsageError, second.ExitCode);
        var line = Assert.Single(second.StderrLines);
        Assert.Contains($"port {port} is in use", line, StringComparison.Ordinal);
        Assert.Contains("--port", line, StringComparison.Ordinal);
        second.AssertNoExceptionText();
        Assert.False(Directory.Exists(_folder.PathOf("site2")), "the second serve built a site");
        await _stop.CancelAsync();
        await serving;
    }

    [Fact]
    public async Task Without_a_port_asked_for_a_busy_one_gives_way_to_the_next_free_port_and_says_which()
    {
        var (content, output) = Folders();
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        using var log = new StringWriter();
        using var server = new PreviewServer(new BuildOptions(content, output, "/"), port, TextWriter.Synchronized(log), nextFreePort: true);

        var serving = Task.Run(() => server.Run(_stop.Token));
        var said = $"port {port} is in use, so this serves on port ";
        while (!log.ToString().Contains(said, StringComparison.Ordinal) && !serving.IsCompleted)
        {
            await Task.Delay(50, _stop.Token);
        }

        Assert.Contains(said + new Uri(server.Url).Port + " (choose one with --port)", log.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(port, new Uri(server.Url).Port);
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(20) };
        await WaitForPage(http);
        await _stop.CancelAsync();
        await serving;
    }

    [Fact]
    public async Task Serve_shows_a_draft_paper_that_build_leaves_out()
    {
        var (content, output) = Folders();
        File.WriteAllText(Path.Combine(content, "papers", "2305.14314.md"), Fixtures.Lines("---", "id: \"2305.14314\"", "title: \"QLoRA: Efficient Finetuning of Quantized LLMs\"", "draft: true", "---", "Half-written notes."));
        Assert.Equal(0, CliRun.Of("build", "--content", content, "--output", _folder.PathOf("built")).ExitCode);
        Assert.False(Directory.Exists(_folder.PathOf("built/papers/2305.14314")));

        using var server = new PreviewServer(new BuildOptions(content, output, "/", Drafts: true), FreePort(), TextWriter.Null);
        var serving = Task.Run(() => server.Run(_stop.Token));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(20) };
        await WaitForPage(http);

        var page = await http.GetStringAsync("/papers/2305.14314/", _stop.Token);
        Assert.Contains("Half-written notes.", page, StringComparison.Ordinal);
        await _stop.CancelAsync();
        await serving;
    }

    /// <summary>The fixture content copied to a temporary folder, and where its site goes.</summary>
    private (string Content, string Output) Folders() =>
        (_folder.CopyFrom(Path.Combine(Paths.Root, "tests", "PaperAtlas.Tests", "Fixtures", "site", "content"), "content"), _folder.PathOf("site"));

    private async Task<string> WaitForPage(HttpClient http)
    {
        // The server listens once its first build is done; on a loaded machine that can take a while.
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                return await http.GetStringAsync("/", _stop.Token);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, _stop.Token);
            }
        }

        throw new TimeoutException("the preview server did not start");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stop.Dispose();
        _folder.Dispose();
    }
}
