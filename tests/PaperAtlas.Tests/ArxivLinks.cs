using System.Text.RegularExpressions;

namespace PaperAtlas.Tests;

/// <summary>The arXiv ids a Markdown text links, in every link form the lists use, found without the readers.</summary>
internal static partial class ArxivLinks
{
    [GeneratedRegex(@"(?:arxiv\.org/(?:abs|pdf|html)/|arxiv\.org/ftp/arxiv/papers/\d{4}/|huggingface\.co/papers/|arXiv:|\\\[)(\d{4}\.\d{4,5})")]
    private static partial Regex AnyLinkForm();

    public static IEnumerable<string> In(string markdown) => AnyLinkForm().Matches(markdown).Select(m => m.Groups[1].Value);

    /// <summary>The ids linked by every list under <paramref name="listsFolder"/>.</summary>
    public static HashSet<string> InLists(string listsFolder) =>
        [.. Directory.EnumerateFiles(listsFolder, "*.md", SearchOption.AllDirectories).SelectMany(f => In(File.ReadAllText(f)))];
}
