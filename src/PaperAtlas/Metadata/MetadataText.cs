using System.Text;
using PaperAtlas.Load;

namespace PaperAtlas.Metadata;

/// <summary>
/// Text from a service as a record keeps it: control characters and lone surrogate halves dropped (content refuses
/// them), every run of white space one space (arXiv wraps titles and abstracts at 80 columns), trimmed; null when
/// nothing is left.
/// </summary>
internal static class MetadataText
{
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (ControlCharacters.IsRefused(c) || (char.IsSurrogate(c) && !pair))
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
            if (pair)
            {
                builder.Append(text[++i]);
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
