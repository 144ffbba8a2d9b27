using System.Net;
using Scriban;
using Scriban.Parsing;

namespace PaperAtlas.Render;

/// <summary>
/// Scriban prints values as they are; this context HTML-escapes every <c>{{ value }}</c> instead, as Razor does,
/// so a title with <c>&lt;script&gt;</c> comes out as text. Only <see cref="RawHtml"/> is written as markup.
/// </summary>
internal sealed class EscapingTemplateContext : TemplateContext
{
    /// <summary>Output buffers for the templates this context renders, one per nesting level (page, partial, partial in a partial).</summary>
    public OutputBuffers Buffers { get; } = new();

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        return textAsObject switch
        {
            null => this,
            RawHtml raw => Write(raw.Value),
            _ => Write(WebUtility.HtmlEncode(ObjectToString(textAsObject) ?? "")),
        };
    }
}
