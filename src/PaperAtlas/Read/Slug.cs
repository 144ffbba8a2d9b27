using System.Text;

namespace PaperAtlas.Read;

/// <summary>URL- and file-safe names. Ids come from pull requests, so nothing they say may escape site/.</summary>
public static class Slug
{
    private static readonly HashSet<string> ReservedDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    /// <summary>True for a lowercase slug that is safe as one path segment on every file system.</summary>
    public static bool IsSafe(string value)
    {
        if (value.Length is 0 or > 120 || value.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        if (!IsSlugChar(value[0], first: true) || value[^1] is '.' or '-')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsSlugChar(c, first: false))
            {
                return false;
            }
        }

        var stem = value.Split('.')[0];
        return !ReservedDeviceNames.Contains(stem);
    }

    /// <summary>A slug made from free text: ASCII letters and digits, words joined by '-'.</summary>
    public static string FromText(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in UnicodeText.Normalize(text, NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else if (c == '.' && builder.Length > 0 && char.IsAsciiDigit(builder[^1]))
            {
                builder.Append('.');
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                pendingDash = true;
            }
        }

        var slug = builder.ToString().Trim('.', '-');
        if (slug.Length > 80)
        {
            slug = slug[..80].TrimEnd('-', '.');
        }

        return slug.Length == 0 || !IsSafe(slug) ? "paper-" + StableHash(text) : slug;
    }

    /// <summary>FNV-1a: stable across runs and machines, unlike string.GetHashCode.</summary>
    public static string StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsSlugChar(char c, bool first) =>
        char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (!first && c is '-' or '.' or '_');
}
