using Microsoft.Playwright;

namespace PaperAtlas.BrowserTests;

/// <summary>
/// The real content built once into a temporary site, served on loopback, and one headless Debian Chromium
/// (never a downloaded browser). Pages record console errors and Content-Security-Policy violations.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _output = Path.Combine(Path.GetTempPath(), "atlas-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public StaticServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public BuildResult Build { get; private set; } = null!;

    public static string Root { get; } = FindRoot();

    public async Task InitializeAsync()
    {
        Build = SiteBuilder.Build(new BuildOptions(Path.Combine(Root, "content"), _output, "/", Path.Combine(Root, "templates")));
        if (!Build.Written)
        {
            throw new InvalidOperationException("the real content did not build: " + string.Join('\n', Build.Analysis.Diagnostics));
        }

        Server = new StaticServer(_output);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
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
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        Server.Dispose();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
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
