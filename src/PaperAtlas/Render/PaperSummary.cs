using Markdig;
using PaperAtlas.Graph;
using PaperAtlas.Read;
using PaperAtlas.Render.GraphLayout;

namespace PaperAtlas.Render;

/// <summary>
/// What a paper is about in a few plain words, for a page's meta description, its JSON-LD and a search result's
/// excerpt: the contributor's notes, else the abstract arXiv gives, else the first thing a list says about it.
/// </summary>
public static class PaperSummary
{
    /// <summary>How much of a note is read: a summary is a few sentences, and a note can be a whole report section.</summary>
    private const int MarkdownRead = 4000;

    /// <summary>The summary cut to at most <paramref name="maxLength"/> characters (at a word's end where there is one), or "" when nothing is said.</summary>
    public static string Of(Paper paper, int maxLength)
    {
        var text = !string.IsNullOrWhiteSpace(paper.ContributorNotes) ? Plain(paper.ContributorNotes)
            : paper.Metadata?.Abstract is { Length: > 0 } summary ? summary
            : paper.Mentions.Select(m => m.Note).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) is { } note ? Plain(note)
            : "";
        return Cut(MarkdownText.Collapse(text), maxLength);
    }

    private static string Plain(string markdown) =>
        Markdown.ToPlainText(markdown.Length > MarkdownRead ? markdown[..MarkdownRead] : markdown, Load.MarkdownPipelines.Reading);

    /// <summary>At most <paramref name="maxLength"/> characters; a cut ends at the last space of its last fifth, if any, and with "…".</summary>
    internal static string Cut(string text, int maxLength)
    {
        var cut = TextMeasure.Shorten(text, maxLength);
        if (cut.Length == text.Length)
        {
            return cut;
        }

        var space = cut.LastIndexOf(' ', cut.Length - 2);
        return space > maxLength * 4 / 5 ? cut[..space].TrimEnd(',', ';', ':') + "…" : cut;
    }
}
