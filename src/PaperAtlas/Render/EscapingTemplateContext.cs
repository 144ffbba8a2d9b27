using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace PaperAtlas.Render;

/// <summary>
/// Scriban prints values as they are; this context HTML-escapes every <c>{{ value }}</c> instead, as Razor does,
/// so a title with <c>&lt;script&gt;</c> comes out as text. Only <see cref="Html"/> is written as markup.
/// </summary>
internal sealed class EscapingTemplateContext : TemplateContext
{
    /// <summary>Output buffers for the templates this context renders: the page's, and the layout's around it.</summary>
    public OutputBuffers Buffers { get; } = new();

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        return textAsObject switch
        {
            null => this,
            Html html => Write(html.Value),
            BufferedHtml buffered when _splice is null && Output is StringBuilderOutput output && ReferenceEquals(output, Buffers.Current) => Mark(output, buffered),
            BufferedHtml buffered when Output is StringBuilderOutput output => Append(output, buffered),
            BufferedHtml buffered => Write(buffered.ToString()),
            _ => Write(WebUtility.HtmlEncode(ObjectToString(textAsObject) ?? "")),
        };
    }

    private Splice? _splice;

    /// <summary>The place the layout printed the page's buffer at, if it did (and forgets it, for the next page).</summary>
    public Splice? TakeSplice(System.Text.StringBuilder layout)
    {
        var splice = _splice;
        _splice = null;
        return splice is null || ReferenceEquals(splice.Into, layout)
            ? splice
            : throw new InvalidOperationException("the page's buffer was printed into another buffer than the layout's");
    }

    /// <summary>
    /// The first print of a buffer at the top of the template being rendered (the layout's `content`) only marks its
    /// place: the two are encoded as one (<see cref="OutputBuffers.Encode"/>). Later prints, or prints into a capture, copy.
    /// </summary>
    private EscapingTemplateContext Mark(StringBuilderOutput output, BufferedHtml html)
    {
        _splice = new Splice(output.Builder, output.Builder.Length, html.Builder);
        return this;
    }

    private EscapingTemplateContext Append(StringBuilderOutput output, BufferedHtml html)
    {
        foreach (var chunk in html.Builder.GetChunks())
        {
            output.Builder.Append(chunk.Span);
        }

        return this;
    }
}

/// <summary>Text to read as if it stood in <paramref name="Into"/> at <paramref name="At"/>.</summary>
internal sealed record Splice(System.Text.StringBuilder Into, int At, System.Text.StringBuilder Text);
