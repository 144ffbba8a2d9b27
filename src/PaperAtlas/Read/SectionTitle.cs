using System.Text.RegularExpressions;

namespace PaperAtlas.Read;

/// <summary>Heading text helpers: lists number their headings in many ways (<c>一、</c>, <c>1.1</c>, <c>(二)</c>).</summary>
public static partial class SectionTitle
{
    [GeneratedRegex(@"^\s*(?:[（(]?[一二三四五六七八九十百]+[)）]?[、.．:：\s]\s*|[0-9]+(?:\.[0-9]+)*[.、)]?\s+|[IVX]+\.\s+)")]
    private static partial Regex Numbering();

    public static string Clean(string title) => MarkdownText.Collapse(title);

    /// <summary>The heading without its leading section number: <c>一、 奠基性架构与范式</c> → <c>奠基性架构与范式</c>.</summary>
    public static string WithoutNumber(string title) => Numbering().Replace(title, "", 1).Trim();
}
