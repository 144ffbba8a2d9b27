using Microsoft.Playwright;

namespace PaperAtlas.BrowserTests;

/// <summary>
/// The frozen seed content (tests/PaperAtlas.Tests/Fixtures/seed, with the contributors' guide) built once into a
/// temporary site, served on loopback, and one headless Chromium or Chrome that the runner has (see
/// <see cref="BrowserLaunch"/>; never a downloaded browser). Pages record console errors and Content-Security-Policy violations.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "atlas-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public StaticServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public BuildResult Build { get; private set; } = null!;

    public static string Root { get; } = FindRoot();

    /// <summary>The seed content the pages are built from: pinned paths and queries need content no contribution changes.</summary>
    public static string Content { get; } = Path.Combine(Root, "tests", "PaperAtlas.Tests", "Fixtures", "seed", "content");

    /// <summary>Which browser the tests drive, e.g. /usr/bin/chromium.</summary>
    public string BrowserUsed { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Build = SiteBuilder.Build(new BuildOptions(ContentWithGuide(), _output, "/", Path.Combine(Root, "templates")));
        if (!Build.Written)
        {
            throw new InvalidOperationException("the seed content did not build: " + string.Join('\n', Build.Analysis.Diagnostics));
        }

        Server = new StaticServer(_output);
        _playwright = await Playwright.CreateAsync();
        var (browser, from) = await BrowserLaunch.LaunchAsync(_playwright);
        (Browser, BrowserUsed) = (browser, from.ToString());
    }

    /// <summary>The seed content beside a copy of CONTRIBUTING.md, so the site has its /contribute/ page.</summary>
    private string ContentWithGuide()
    {
        var atlas = _output + "-content";
        foreach (var file in Directory.EnumerateFiles(Content, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(atlas, "content", Path.GetRelativePath(Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.Copy(Path.Combine(Root, "CONTRIBUTING.md"), Path.Combine(atlas, "CONTRIBUTING.md"));
        return Path.Combine(atlas, "content");
    }

    /// <summary>A new page whose console errors and CSP violations land in <paramref name="problems"/>.</summary>
    public async Task<IPage> NewPage(List<string> problems, int width = 1280)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Server?.Dispose();
        foreach (var folder in new[] { _output, _output + "-content" }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Generator.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Generator.sln not found");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
