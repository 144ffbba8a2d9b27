using AngleSharp.Html.Parser;

namespace PaperAtlas.Write;

/// <summary>
/// Checks a built site offline: every root-relative or in-page link, stylesheet, script and form target must
/// name a file (and fragment) that exists. External links are left to a scheduled job: publishers answer
/// link checkers with 403 and 429.
/// </summary>
public static class LinkChecker
{
    public static IReadOnlyList<string> Check(string sitePath, string basePath)
    {
        var root = Path.GetFullPath(sitePath);
        var routes = new Render.Routes(basePath);
        var parser = new HtmlParser();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var broken = new List<string>();
        var files = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var file in files)
        {
            var shown = Path.GetRelativePath(root, file).Replace('\\', '/');
            var document = parser.ParseDocument(File.ReadAllText(file));
            foreach (var url in UrlsOf(document))
            {
                if (url.StartsWith("http:", StringComparison.Ordinal) || url.StartsWith("https:", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var hash = url.IndexOf('#', StringComparison.Ordinal);
                var path = (hash < 0 ? url : url[..hash]).Split('?')[0];
                var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
                string target;
                if (path.Length == 0)
                {
                    target = file;
                }
                else if (routes.FileOf(path) is not { } relative)
                {
                    broken.Add($"{shown}: {url} (not under the base URL {routes.Base})");
                    continue;
                }
                else
                {
                    target = Path.GetFullPath(Path.Combine(root, Uri.UnescapeDataString(relative)));
                }

                if (!File.Exists(target))
                {
                    broken.Add($"{shown}: {url}");
                }
                else if (fragment is { Length: > 0 } && target.EndsWith(".html", StringComparison.Ordinal) && !IdsOf(target).Contains(fragment))
                {
                    broken.Add($"{shown}: {url} (no element with id '{fragment}')");
                }
            }
        }

        return broken;

        HashSet<string> IdsOf(string file)
        {
            if (!ids.TryGetValue(file, out var set))
            {
                set = parser.ParseDocument(File.ReadAllText(file)).QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
                ids[file] = set;
            }

            return set;
        }
    }

    private static IEnumerable<string> UrlsOf(AngleSharp.Dom.IDocument document) =>
        document.QuerySelectorAll("a[href], link[href]").Select(e => e.GetAttribute("href")!)
            .Concat(document.QuerySelectorAll("script[src], img[src]").Select(e => e.GetAttribute("src")!))
            .Concat(document.QuerySelectorAll("form[action]").Select(e => e.GetAttribute("action")!));
}
