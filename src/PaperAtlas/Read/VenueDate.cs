using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperAtlas.Read;

/// <summary>
/// Venues and dates as lists write them beside a paper: <c>NeurIPS 2023</c>, <c>arXiv 2022</c>, <c>ACL'23 Findings</c>,
/// <c>Preprint'25</c>, a date <c>2025-05-20</c> or <c>2023/05</c>, a bare year. A venue keeps its year as written
/// (a venue's year is when it met, not when the paper appeared); a date or a bare year is the paper's stated date.
/// </summary>
/// <param name="Rest">The text with the venue and date taken out.</param>
internal sealed partial record VenueDate(string? Venue, int? Year, int? Month, string Rest)
{
    private const string VenueWord = @"(?:[A-Z][\w&.+\-]*|arXiv|arxiv|of|on|in|the|and|&|for|findings|workshop|oral|spotlight|highlight|poster|main|short|long|track)";

    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)[0-9]{2})\s?[-/.年]\s?(?<m>[0-9]{1,2})(?:\s?[-/.月]\s?(?<d>[0-9]{1,2})日?)?(?![0-9])")]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(?<mn>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(?<y>(?:19|20)[0-9]{2})(?![0-9])")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"(?<venue>(?:[A-Z][\w&.+\-]*|arXiv|arxiv)(?:\s+" + VenueWord + @"){0,2})(?:\s?['’](?<yy>[0-9]{2})|\s(?<y>(?:19|20)[0-9]{2}))(?![0-9])(?<suffix>(?:\s+(?:[A-Z][\w\-]*|findings|workshop|oral|spotlight|highlight|poster|main|short|long|track)){0,3})")]
    private static partial Regex VenueYear();

    [GeneratedRegex(@"(?<![0-9A-Za-z.])(?<y>(?:19|20)[0-9]{2})(?![0-9A-Za-z])")]
    private static partial Regex BareYear();

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static VenueDate Parse(string text)
    {
        string? venue = null;
        int? year = null;
        int? month = null;
        var rest = text;
        if (VenueYear().Match(rest) is { Success: true } v)
        {
            venue = MarkdownText.Collapse(v.Value);
            rest = Remove(rest, v);
        }

        if (Date().Match(rest) is { Success: true } d && int.Parse(d.Groups["m"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var m)
        {
            (year, month) = (int.Parse(d.Groups["y"].Value, CultureInfo.InvariantCulture), m);
            rest = Remove(rest, d);
        }
        else if (MonthYear().Match(rest) is { Success: true } my)
        {
            (year, month) = (int.Parse(my.Groups["y"].Value, CultureInfo.InvariantCulture), Array.IndexOf(Months, my.Groups["mn"].Value.ToLowerInvariant()) + 1);
            rest = Remove(rest, my);
        }
        else if (BareYear().Match(rest) is { Success: true } y)
        {
            year = int.Parse(y.Groups["y"].Value, CultureInfo.InvariantCulture);
            rest = Remove(rest, y);
        }

        return new VenueDate(venue, year, month, rest);
    }

    /// <summary>Text that is nothing but a venue and year or a date (<c>arXiv 2023</c>, <c>2024-11-17</c>, <c>2023</c>).</summary>
    public static bool IsOnlyVenueOrDate(string text)
    {
        var parsed = Parse(text);
        return (parsed.Venue is not null || parsed.Year is not null) && !parsed.Rest.Any(char.IsLetterOrDigit);
    }

    private static string Remove(string text, Match match) => text[..match.Index] + " " + text[(match.Index + match.Length)..];
}
