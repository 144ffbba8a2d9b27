using System.Text.RegularExpressions;

namespace PaperAtlas.Metadata;

/// <summary>DOIs as the services give them: <c>10.</c>, a registrant code, '/', and a suffix without spaces.</summary>
public static partial class Dois
{
    [GeneratedRegex(@"^10\.[0-9]{4,9}/\S+$")]
    private static partial Regex Form();

    public static bool IsDoi(string text) => text.Length <= 300 && Form().IsMatch(text);
}
