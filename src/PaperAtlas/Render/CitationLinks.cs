using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperAtlas.Graph;
using PaperAtlas.Read;

namespace PaperAtlas.Render;

/// <summary>
/// A report's bare citation numbers (<c>该论文 1 标志着</c>) turned into links to its works-cited entries: on the
/// list page to the entry below, on a paper page to the entry on the list page. Found by the same rules the
/// report reader uses (<see cref="Citations.Find"/>), so what links is what was read as a citation.
/// </summary>
public static class CitationLinks
{
    /// <summary>The names with a version number ("Llama 3") that a list's headings use, which its prose must not read as citations.</summary>
    public static IReadOnlySet<string> NumberedNames(SourceList list) => Citations.NumberedNames(list.Sections.Select(s => s.Title));

    /// <summary>
    /// Links the citation numbers 1..<paramref name="max"/> in <paramref name="document"/>'s text, outside headings, links
    /// and works-cited lists, to <paramref name="href"/> of the number; a number for which it gives null stays text.
    /// </summary>
    public static void Link(MarkdownDocument document, int max, IReadOnlySet<string> names, Func<int, string?> href)
    {
        foreach (var block in document)
        {
            if (block is HeadingBlock || (block is ListBlock list && list.OfType<ListItemBlock>().Any(i => i.GetAttributes().Id?.StartsWith("cite-", StringComparison.Ordinal) == true)))
            {
                continue;
            }

            foreach (var literal in MarkdownText.InlinesIn<LiteralInline>(block).ToList())
            {
                if (literal.Parent is LinkInline)
                {
                    continue;
                }

                var text = literal.Content.ToString();
                var found = Citations.Find(text, max, names).Select(c => (c.Number, c.Start, c.Length, Href: href(c.Number))).Where(c => c.Href is not null).ToList();
                if (found.Count == 0)
                {
                    continue;
                }

                var position = 0;
                Inline anchor = literal;
                foreach (var (number, start, length, target) in found)
                {
                    var before = new LiteralInline(text[position..start]);
                    anchor.InsertAfter(before);
                    var link = new HtmlInline($"<a class=\"cite\" href=\"{System.Net.WebUtility.HtmlEncode(target)}\">{number}</a>");
                    before.InsertAfter(link);
                    anchor = link;
                    position = start + length;
                }

                anchor.InsertAfter(new LiteralInline(text[position..]));
                literal.Remove();
            }
        }
    }
}
