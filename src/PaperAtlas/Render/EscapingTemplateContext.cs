using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace PaperAtlas.Render;

/// <summary>
/// Scriban prints values as they are; this context HTML-escapes every <c>{{ value }}</c> instead, as Razor does,
/// so a title with <c>&lt;script&gt;</c> comes out as text. Only <see cref="RawHtml"/> is written as markup.
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
            RawHtml raw => Write(raw.Value),
            BufferedHtml buffered when Output is StringBuilderOutput output => Append(output, buffered),
            BufferedHtml buffered => Write(buffered.ToString()),
            _ => Write(WebUtility.HtmlEncode(ObjectToString(textAsObject) ?? "")),
        };
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
