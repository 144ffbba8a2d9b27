using Ganss.Xss;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperAtlas.Read;

namespace PaperAtlas.Render;

/// <summary>
/// Markdown from content (notes, whole lists) to safe HTML. Content comes from pull requests, so:
/// links keep only http(s), mailto and in-page targets; inline raw HTML is shown as text; raw HTML blocks
/// pass an allow-list sanitiser that keeps no <c>id</c> or <c>name</c> (an element named "getElementById" would
/// replace the document's own, and the site's scripts would fail); images from other sites are shown as links unless
/// site.yml allows them (they tell their server who reads what); math is turned into MathML by our own code.
/// </summary>
public static class MarkdownHtml
{
    /// <summary>Parse with positions (so list pages can find each entry), pipe tables, autolinks and $math$.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder { MaximumNestingDepth = Load.NestingGuard.ParserDepthLimit }
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseAutoLinks()
        .UseMathematics()
        .Build();

    // Made on first use: setting up AngleSharp's HTML and CSS parsers costs a second of compilation, and most atlases
    // have no raw HTML block (while it was made, the other rendering thread waited for it).
    private static readonly Lazy<HtmlSanitizer> Sanitizer = new(() => CreateSanitizer(externalImages: false));
    private static readonly Lazy<HtmlSanitizer> SanitizerWithImages = new(() => CreateSanitizer(externalImages: true));

    /// <summary>Renders a note. Relative links cannot be followed from the site, so they become plain text.</summary>
    /// <param name="externalImages">Show images from other sites (site.yml's <c>external_images</c>); otherwise they are links.</param>
    /// <param name="enrich">Adds to the safe document before it prints (citation links, language marks).</param>
    public static string Note(string markdown, bool externalImages, Action<MarkdownDocument>? enrich = null)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
        MakeSafe(document, relativeBase: null, externalImages);
        enrich?.Invoke(document);
        return ToHtml(document);
    }

    /// <summary>Makes a parsed document safe to print; <paramref name="relativeBase"/> resolves relative links.</summary>
    public static void MakeSafe(MarkdownDocument document, Uri? relativeBase, bool externalImages)
    {
        foreach (var node in document.Descendants().ToList())
        {
            switch (node)
            {
                case HtmlInline html:
                    html.ReplaceBy(new LiteralInline(html.Tag));
                    break;
                case HtmlBlock block:
                    var sanitized = (externalImages ? SanitizerWithImages : Sanitizer).Value.Sanitize(block.Lines.ToString());
                    block.Lines = new StringLineGroup(sanitized);
                    break;
                case LinkInline link:
                    var url = SafeUrl(link.Url, relativeBase);
                    if (url is null)
                    {
                        Unwrap(link);
                    }
                    else
                    {
                        link.Url = url;

                        // Every image a note can name is on another site (safe URLs are absolute): a link, unless allowed.
                        link.IsImage &= externalImages;
                    }

                    break;
                case AutolinkInline autolink when SafeUrl(autolink.Url, null) is null:
                    autolink.ReplaceBy(new LiteralInline(autolink.Url));
                    break;
            }
        }
    }

    public static string ToHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.RemoveAll(r => r is HtmlMathInlineRenderer or HtmlMathBlockRenderer);
        renderer.ObjectRenderers.Insert(0, new MathInlineRenderer());
        renderer.ObjectRenderers.Insert(0, new MathBlockRenderer());
        renderer.Render(document);
        writer.Flush();

        // Pipe tables align cells with style attributes, which a strict Content-Security-Policy blocks.
        return writer.ToString()
            .Replace(" style=\"text-align: left;\"", " class=\"align-left\"", StringComparison.Ordinal)
            .Replace(" style=\"text-align: center;\"", " class=\"align-center\"", StringComparison.Ordinal)
            .Replace(" style=\"text-align: right;\"", " class=\"align-right\"", StringComparison.Ordinal);
    }

    /// <summary>The URL if it is safe to link: http(s), mailto, an in-page anchor, or a relative path resolved against a base.</summary>
    public static string? SafeUrl(string? url, Uri? relativeBase)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith('#'))
        {
            return trimmed;
        }

        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute))
        {
            return absolute.Scheme is "http" or "https" or "mailto" ? trimmed : null;
        }

        // A scheme hidden by whitespace or entities ("java&#x09;script:") never parses as relative here.
        if (trimmed.Contains(':', StringComparison.Ordinal) && !trimmed.StartsWith("./", StringComparison.Ordinal))
        {
            return null;
        }

        return relativeBase is not null && Uri.TryCreate(relativeBase, trimmed, out var resolved) && resolved.Scheme is "http" or "https"
            ? resolved.ToString()
            : null;
    }

    private static void Unwrap(LinkInline link)
    {
        if (link.IsImage)
        {
            link.Remove();
            return;
        }

        // Markdig's InsertBefore leaves the inserted inline without its previous sibling, which breaks walking the
        // paragraph backwards (as Descendants does): the children go in after the link instead, one after another.
        Inline after = link;
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            after.InsertAfter(child);
            after = child;
            child = next;
        }

        link.Remove();
    }

    private static HtmlSanitizer CreateSanitizer(bool externalImages)
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("id");
        sanitizer.AllowedAttributes.Remove("name");
        if (!externalImages)
        {
            sanitizer.PostProcessNode += (_, e) =>
            {
                if (e.Node is AngleSharp.Dom.IElement { LocalName: "img" } image
                    && Uri.TryCreate(image.GetAttribute("src"), UriKind.Absolute, out var source) && source.Scheme is "http" or "https")
                {
                    var link = e.Document.CreateElement("a");
                    link.SetAttribute("href", source.ToString());
                    link.TextContent = image.GetAttribute("alt") is { Length: > 0 } alt ? alt : source.ToString();
                    e.ReplacementNodes.Add(link);
                }
            };
        }

        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }

    /// <summary>Exporters escape TeX as if it were Markdown (<c>d\_k</c>); undo that before converting.</summary>
    private static string Unescape(string tex) => MarkdownText.NormaliseTex("$" + tex + "$")[1..^1];

    private sealed class MathInlineRenderer : HtmlObjectRenderer<MathInline>
    {
        protected override void Write(HtmlRenderer renderer, MathInline obj) =>
            renderer.Write(TexToMathMl.Convert(Unescape(obj.Content.ToString())));
    }

    private sealed class MathBlockRenderer : HtmlObjectRenderer<MathBlock>
    {
        protected override void Write(HtmlRenderer renderer, MathBlock obj)
        {
            renderer.EnsureLine();
            renderer.Write("<p class=\"math-block\">")
                .Write(TexToMathMl.Convert(Unescape(obj.Lines.ToString())).Replace("<math>", "<math display=\"block\">", StringComparison.Ordinal))
                .WriteLine("</p>");
        }
    }
}
