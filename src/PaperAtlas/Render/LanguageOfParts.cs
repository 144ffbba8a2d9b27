using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperAtlas.Read;

namespace PaperAtlas.Render;

/// <summary>
/// WCAG 3.1.2 (language of parts): in Chinese content, a link whose text is English (a paper's title, mostly) says so
/// with <c>lang="en"</c>, so a screen reader reads it with an English voice.
/// </summary>
public static class LanguageOfParts
{
    /// <summary>The language of a name written in content of language <paramref name="lang"/>: English for an English name in Chinese content.</summary>
    public static string Of(string text, string lang) => IsChinese(lang) && IsEnglish(text) ? "en" : lang;

    public static bool IsChinese(string lang) => lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static void MarkEnglishLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!link.IsImage && !link.IsAutoLink && MarkdownText.Plain(link) is var text && !LooksLikeAddress(text) && IsEnglish(text))
            {
                link.GetAttributes().AddPropertyIfNotExist("lang", "en");
            }
        }
    }

    /// <summary>One word with a dot or a slash (a URL, a domain, an id): no language to speak it in.</summary>
    private static bool LooksLikeAddress(string text) => !text.Any(char.IsWhiteSpace) && text.IndexOfAny(['.', '/', ':']) >= 0;

    /// <summary>Latin letters and no Han, kana or Hangul.</summary>
    public static bool IsEnglish(string text) =>
        text.Any(char.IsAsciiLetter) && !text.Any(c => c is (>= '\u3040' and <= '\u30ff') or (>= '\u3400' and <= '\u9fff') or (>= '\uac00' and <= '\ud7af') or (>= '\uf900' and <= '\ufaff'));
}
