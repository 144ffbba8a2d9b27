using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperAtlas.Read;

/// <summary>arXiv identifiers: <c>YYMM.NNNNN</c> (2007 on) and <c>archive/YYMMNNN</c> (before), versions stripped.</summary>
public static partial class ArxivId
{
    [GeneratedRegex(@"^(?<yymm>[0-9]{4})\.(?<num>[0-9]{4,5})(?:v[0-9]+)?$")]
    private static partial Regex NewStyle();

    [GeneratedRegex(@"^(?<archive>[a-z][a-z-]*(?:\.[A-Z]{2})?)/(?<yymm>[0-9]{4})(?<num>[0-9]{3})(?:v[0-9]+)?$")]
    private static partial Regex OldStyle();

    [GeneratedRegex(@"(?:arXiv:\s*|\[)(?<id>[0-9]{4}\.[0-9]{4,5}(?:v[0-9]+)?)(?:\]|\b)", RegexOptions.IgnoreCase)]
    private static partial Regex InText();

    [GeneratedRegex(@"arXiv:\s*(?<id>[^\s\]\)]+)", RegexOptions.IgnoreCase)]
    private static partial Regex AttemptInText();

    /// <summary>The canonical id (no version) when <paramref name="text"/> is exactly a well-formed arXiv id.</summary>
    public static bool TryParse(string text, out string id)
    {
        id = "";
        var match = NewStyle().Match(text);
        if (match.Success && ValidMonth(match.Groups["yymm"].Value, newStyle: true))
        {
            id = $"{match.Groups["yymm"].Value}.{match.Groups["num"].Value}";
            return true;
        }

        match = OldStyle().Match(text);
        if (match.Success && ValidMonth(match.Groups["yymm"].Value, newStyle: false))
        {
            id = $"{match.Groups["archive"].Value}/{match.Groups["yymm"].Value}{match.Groups["num"].Value}";
            return true;
        }

        return false;
    }

    /// <summary>Finds <c>arXiv:ID</c> or <c>[ID]</c> in prose, e.g. a works-cited entry or a link's text.</summary>
    public static string? FindInText(string text)
    {
        foreach (Match match in InText().Matches(text))
        {
            if (TryParse(match.Groups["id"].Value, out var id))
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>The text after an <c>arXiv:</c> label that is not a valid id, for a "malformed id" diagnostic.</summary>
    public static string? FindMalformedInText(string text)
    {
        foreach (Match match in AttemptInText().Matches(text))
        {
            if (!TryParse(match.Groups["id"].Value.TrimEnd('.', ',', ';'), out _))
            {
                return match.Groups["id"].Value;
            }
        }

        return null;
    }

    /// <summary>Year and month of submission, which every arXiv id encodes.</summary>
    public static (int Year, int Month) DateOf(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        var yymm = slash >= 0 ? id.Substring(slash + 1, 4) : id[..4];
        var yy = int.Parse(yymm[..2], CultureInfo.InvariantCulture);
        var month = int.Parse(yymm[2..], CultureInfo.InvariantCulture);
        var year = slash >= 0 && yy >= 91 ? 1900 + yy : 2000 + yy;
        return (year, month);
    }

    private static bool ValidMonth(string yymm, bool newStyle)
    {
        var yy = int.Parse(yymm[..2], CultureInfo.InvariantCulture);
        var month = int.Parse(yymm[2..], CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && (!newStyle || yy >= 7);
    }
}
