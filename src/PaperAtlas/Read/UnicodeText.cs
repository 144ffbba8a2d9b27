using System.Text;

namespace PaperAtlas.Read;

/// <summary>Unicode normalisation that never throws: content may hold lone surrogates (invalid code points).</summary>
public static class UnicodeText
{
    public static string Normalize(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            // Lone surrogates become U+FFFD, as a decoder would have made them.
            var builder = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                }
                else
                {
                    builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                }
            }

            return builder.ToString().Normalize(form);
        }
    }
}
