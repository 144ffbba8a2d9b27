using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PaperAtlas.Tests.Site;

namespace PaperAtlas.Tests.Hostile;

/// <summary>
/// XSS payloads in every place a contributor writes text — paper titles, aliases and notes, list entries, list
/// front-matter, raw HTML blocks — are published as text, and no page of the built site can run them.
/// </summary>
public sealed class XssTests : IDisposable
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "[x](javascript:alert(1))",
        "[x](jav&#x09;ascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "![x](javascript:alert(1))",
        "![x](x\" onerror=\"alert(1))",
        "<javascript:alert(1)>",
        "[x]( javascript:alert(1) )",
        "[x](<javascript:alert(1)>)",
        "[x](&#x6A;avascript:alert(1))",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<body onload=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<input autofocus onfocus=alert(1)>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "<style>@import 'javascript:alert(1)'</style>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<scr<script>ipt>alert(1)</script>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "$<script>alert(1)</script>$",
        "<a href=\"&#1;javascript:alert(1)\">x</a>",
        "<img src=\"x` `<script>alert(1)</script>\"` `>",
        "[x](vbscript:msgbox(1))",
    ];

    private static readonly string[] Forbidden = ["iframe", "object", "embed", "frame", "frameset", "applet", "base", "form"];
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"];

    private readonly TempFolder _temp = new();
    private readonly BuiltSite _site;

    public XssTests()
    {
        var content = _temp.PathOf("content");
        _temp.Write("content/topics.yml", "topics:\n  - id: evil\n    name: Evil\n    name_zh: 恶意\n");
        var list = new StringBuilder();
        list.Append("---\ntitle: ").Append(Yaml(Payloads[0] + " list")).Append("\ndescription: ").Append(Yaml(Payloads[6])).Append("\nlang: en\n---\n");
        list.Append("## Evil\n\n| 年份 | 名字 | 简介 | 精读 |\n| ---- | ---- | ---- | ---- |\n");
        for (var i = 0; i < Payloads.Length; i++)
        {
            var cell = Payloads[i].Replace("|", "\\|", StringComparison.Ordinal);
            list.Append(CultureInfo.InvariantCulture, $"| 2023 | [{cell} {i}]({ListPaperUrl(i)}) | {cell} | {cell} |\n");
            _temp.Write($"content/papers/{PaperId(i)}.md",
                $"---\nid: \"{PaperId(i)}\"\ntitle: {Yaml($"{Payloads[i]} title {i}")}\naliases:\n  - {Yaml(Payloads[i])}\nyear: 2023\n---\n{Payloads[i]}\n\nInline: {Payloads[i]} end.\n");
        }

        list.Append("\n## Raw blocks\n\n");
        foreach (var payload in Payloads)
        {
            list.Append(payload).Append("\n\n- ").Append(payload).Append("\n\n> ").Append(payload).Append("\n\n");
        }

        _temp.Write("content/lists/evil.md", list.ToString());
        _site = new BuiltSite(content);
    }

    private static string PaperId(int i) => $"2301.{10001 + i}";

    private static string ListPaperUrl(int i) => $"https://arxiv.org/abs/2302.{10001 + i}";

    /// <summary>A YAML single-quoted scalar: the only escape is a doubled quote.</summary>
    private static string Yaml(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    [Fact]
    public void The_site_is_built_and_every_hostile_paper_is_published_as_text()
    {
        Assert.True(_site.Result.Written, string.Join('\n', _site.Result.Analysis.Diagnostics));
        Assert.True(Payloads.Length >= 30);
        for (var i = 0; i < Payloads.Length; i++)
        {
            var page = _site.Parse($"papers/{PaperId(i)}/index.html");
            Assert.Contains($"title {i}", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(Payloads[i].Trim(), page.Body!.TextContent, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_site.Output, "papers", $"2302.{10001 + i}", "index.html")), $"list entry {i} has no page");
        }
    }

    [Fact]
    public void Unsafe_links_in_the_list_are_reported()
    {
        Assert.Contains(_site.Result.Analysis.Diagnostics, d => d.Code == Diagnostics.DiagnosticCodes.UnsafeLink && d.Location.File.EndsWith("lists/evil.md", StringComparison.Ordinal));
        Assert.Contains(_site.Result.Analysis.Diagnostics, d => d.Code == Diagnostics.DiagnosticCodes.UnsafeLink && d.Location.File.Contains("papers/", StringComparison.Ordinal));
    }

    [Fact]
    public void No_page_holds_executable_html()
    {
        var parser = new HtmlParser();
        var problems = new List<string>();
        foreach (var file in _site.HtmlFiles)
        {
            var where = _site.Relative(file);
            var document = parser.ParseDocument(File.ReadAllText(file));
            foreach (var script in document.QuerySelectorAll("script"))
            {
                // JSON-LD is a data block, never run; its text must parse as JSON and hold no '<' that could close the element.
                var dataBlock = script.GetAttribute("type") == "application/ld+json" && script.GetAttribute("src") is null
                    && !script.TextContent.Contains('<', StringComparison.Ordinal) && IsJson(script.TextContent);
                if (!dataBlock && (script.GetAttribute("src") is not ("/assets/site.js" or "/assets/search.js" or "/assets/graph.js") || script.TextContent.Length > 0))
                {
                    problems.Add($"{where}: {script.OuterHtml}");
                }
            }

            foreach (var element in document.All.Concat(SvgAndMath(document)))
            {
                // The site's own: the search box (a GET form to /search/) and the Content-Security-Policy meta.
                var ours = (element.LocalName == "form" && element.ClassList.Contains("search-box") && element.GetAttribute("action") == "/search/")
                    || (element.LocalName == "meta" && element.GetAttribute("http-equiv") == "Content-Security-Policy" && element.ParentElement?.LocalName == "head");
                if (ours)
                {
                    continue;
                }

                if (Forbidden.Contains(element.LocalName))
                {
                    problems.Add($"{where}: <{element.LocalName}>");
                }

                if (element.LocalName == "meta" && element.HasAttribute("http-equiv"))
                {
                    problems.Add($"{where}: {element.OuterHtml}");
                }

                foreach (var attribute in element.Attributes)
                {
                    if (attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add($"{where}: {attribute.Name} on <{element.LocalName}>");
                    }

                    if ((UrlAttributes.Contains(attribute.LocalName) || UrlAttributes.Contains(attribute.Name)) && IsScriptUrl(attribute.Value))
                    {
                        problems.Add($"{where}: {attribute.Name}={attribute.Value} on <{element.LocalName}>");
                    }

                    if (attribute.LocalName == "style" && attribute.Value.Contains("javascript", StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add($"{where}: style={attribute.Value}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct().Take(40)));
    }

    /// <summary>document.All covers foreign (SVG, MathML) elements too; this is a belt for the braces.</summary>
    private static IEnumerable<IElement> SvgAndMath(IDocument document) => document.QuerySelectorAll("svg *, math *");

    private static bool IsScriptUrl(string value)
    {
        var squeezed = new string([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
        return squeezed.StartsWith("javascript:", StringComparison.Ordinal) || squeezed.StartsWith("vbscript:", StringComparison.Ordinal)
            || squeezed.StartsWith("data:", StringComparison.Ordinal) || squeezed.StartsWith("livescript:", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _site.Dispose();
        _temp.Dispose();
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(text);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
