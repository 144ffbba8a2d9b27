using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PaperAtlas.Tests.Read;

/// <summary>
/// The rules of ../shared/corpus/quality.py, in C#: the arXiv ids a third-party list links, how many reached
/// papers.json, and how many of those have a title that reads as a title (no link word, no enumerator, at most 200
/// characters, its words in the list on a line that links the id or the three before it).
/// </summary>
internal static partial class CorpusQuality
{
    private static readonly HashSet<string> Generic = ["paper", "pdf", "arxiv", "link", "code", "here", "abs", "html", "project", "github", "website", "blog", ""];

    [GeneratedRegex(@"(?:arxiv\.org/(?:abs|pdf|html)/|arxiv\.org/ftp/arxiv/papers/\d{4}/|arXiv:\s?|huggingface\.co/papers/)(\d{4}\.\d{4,5})", RegexOptions.IgnoreCase)]
    private static partial Regex Arxiv();

    [GeneratedRegex(@"^\s*(?:\d+[\).]|[-*•])\s")]
    private static partial Regex Enumerator();

    [GeneratedRegex(@"[^0-9a-z\u4e00-\u9fff]+")]
    private static partial Regex NotKept();

    // Python's str.splitlines() boundaries.
    [GeneratedRegex("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")]
    private static partial Regex LineBreak();

    public sealed record Result(int IdsInList, int IdsFound, int GoodTitles, IReadOnlyList<string> Bad);

    public static Result Measure(string listText, string papersJson)
    {
        var lines = LineBreak().Split(listText);
        if (lines.Length > 0 && lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }

        var near = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in Arxiv().Matches(lines[i]))
            {
                var window = Norm(string.Join(' ', lines[Math.Max(0, i - 3)..(i + 1)]));
                (near.TryGetValue(match.Groups[1].Value, out var list) ? list : near[match.Groups[1].Value] = []).Add(window);
            }
        }

        using var json = JsonDocument.Parse(papersJson);
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var paper in json.RootElement.GetProperty("papers").EnumerateArray())
        {
            var arxiv = paper.GetProperty("arxiv");
            var id = (arxiv.ValueKind == JsonValueKind.String ? arxiv.GetString()! : paper.GetProperty("id").GetString()!).ToLowerInvariant();
            byId[id.StartsWith("arxiv:", StringComparison.Ordinal) ? id[6..] : id] = paper.GetProperty("title").GetString() ?? "";
        }

        int found = 0, good = 0;
        var bad = new List<string>();
        foreach (var (id, windows) in near)
        {
            if (!byId.TryGetValue(id, out var raw))
            {
                continue;
            }

            found++;
            var title = raw.Trim();
            var core = title.Trim('[', ']', '"', '\'', '*', '_', ' ').ToLowerInvariant();
            var key = Norm(title);
            if (!Generic.Contains(core) && !Enumerator().IsMatch(title) && title.EnumerateRunes().Count() <= 200 && key.Length > 0 && windows.Any(w => w.Contains(key, StringComparison.Ordinal)))
            {
                good++;
            }
            else
            {
                bad.Add($"{id}: {title}");
            }
        }

        return new Result(near.Count, found, good, bad);
    }

    private static string Norm(string text) => NotKept().Replace(text.Normalize(NormalizationForm.FormKC).ToLowerInvariant(), "");
}
