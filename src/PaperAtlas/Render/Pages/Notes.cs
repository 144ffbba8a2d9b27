using Markdig.Syntax;

namespace PaperAtlas.Render.Pages;

/// <summary>The citation links a report's note gets: the numbers it cites, the list page they point to, the names it does not cite by.</summary>
internal sealed record NoteCitations(EquatableArray<int> Numbers, string ListUrl, EquatableArray<string> NumberedNames);

/// <summary>What a note's HTML is made from: its Markdown and how it is rendered.</summary>
/// <param name="Lang">The note's language, where English links inside Chinese are marked; null marks none.</param>
internal sealed record NoteInput(string Markdown, bool ExternalImages, string? Lang, NoteCitations? Citations);

/// <summary>Notes (a paper file's, a list's words on a paper or a topic, the contributors' guide) as markup made when printed.</summary>
internal static class Notes
{
    public static Html Of(string markdown, bool externalImages, string? lang = null, NoteCitations? citations = null) =>
        string.IsNullOrWhiteSpace(markdown) ? RawHtml.Empty : new LazyHtml<NoteInput>(new NoteInput(markdown, externalImages, lang, citations), Make);

    private static string Make(NoteInput note) => MarkdownHtml.Note(note.Markdown, note.ExternalImages, document =>
    {
        if (note.Citations is { } citations)
        {
            var names = new HashSet<string>(citations.NumberedNames, StringComparer.OrdinalIgnoreCase);
            CitationLinks.Link(document, citations.Numbers.Max(), names, n => citations.Numbers.Contains(n) ? $"{citations.ListUrl}#cite-{n}" : null);
        }

        if (note.Lang is { } lang)
        {
            MarkLanguage(document, lang);
        }
    });

    /// <summary>In a Chinese text, English links say so (<c>lang="en"</c>): screen readers read them in the right voice.</summary>
    public static void MarkLanguage(MarkdownDocument document, string lang)
    {
        if (LanguageOfParts.IsChinese(lang))
        {
            LanguageOfParts.MarkEnglishLinks(document);
        }
    }
}
