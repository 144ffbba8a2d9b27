using AngleSharp.Html.Parser;

namespace PaperAtlas.Tests.Site;

/// <summary>Builds a content folder into a temporary site once per test class and cleans up after.</summary>
public sealed class BuiltSite : IDisposable
{
    public BuiltSite(string contentPath, string? baseUrl = null)
    {
        Output = Path.Combine(Path.GetTempPath(), "atlas-site-" + Guid.NewGuid().ToString("N"));
        Result = SiteBuilder.Build(new BuildOptions(contentPath, Output, baseUrl, Path.Combine(Paths.Root, "templates")));
    }

    public string Output { get; }

    public BuildResult Result { get; }

    public IEnumerable<string> HtmlFiles => Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public AngleSharp.Html.Dom.IHtmlDocument Parse(string relativePath) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(Output, relativePath)));

    public string Relative(string fullPath) => Path.GetRelativePath(Output, fullPath).Replace('\\', '/');

    public void Dispose()
    {
        if (Directory.Exists(Output))
        {
            Directory.Delete(Output, recursive: true);
        }
    }
}
