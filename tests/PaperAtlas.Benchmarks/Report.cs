using System.Globalization;
using System.Text;

namespace PaperAtlas.Benchmarks;

/// <summary>The runs of one corpus size.</summary>
internal sealed record SizeResult(int Papers, IReadOnlyList<BuildRun> Runs)
{
    /// <summary>The pipeline stages atlas --timings prints, in pipeline order.</summary>
    public static readonly string[] KnownStages = ["load", "read", "graph", "render", "write"];

    public double WallMedian => Stats.Median(Runs.Select(r => r.WallSeconds));

    public double WallMin => Runs.Min(r => r.WallSeconds);

    public double WallMax => Runs.Max(r => r.WallSeconds);

    public int Pages => Runs.Count == 0 ? 0 : Runs[^1].HtmlPages;

    public double PagesPerSecond => WallMedian > 0 ? Pages / WallMedian : 0;

    public double? RssMedian => Runs.All(r => r.PeakRssMb is not null) && Runs.Count > 0 ? Stats.Median(Runs.Select(r => r.PeakRssMb!.Value)) : null;

    public double? RssMax => Runs.All(r => r.PeakRssMb is not null) && Runs.Count > 0 ? Runs.Max(r => r.PeakRssMb!.Value) : null;

    public IEnumerable<string> Stages => KnownStages.Concat(Runs.SelectMany(r => r.StagesMs.Keys).Distinct(StringComparer.Ordinal).Except(KnownStages, StringComparer.Ordinal))
        .Where(s => Runs.Any(r => r.StagesMs.ContainsKey(s)));

    public double StageMedian(string stage) => Stats.Median(Runs.Where(r => r.StagesMs.ContainsKey(stage)).Select(r => r.StagesMs[stage]));

    /// <summary>The stage with the largest median, and its share of the sum of stage medians.</summary>
    public (string Stage, double Share) Dominant()
    {
        var medians = Stages.Select(s => (Stage: s, Ms: StageMedian(s))).ToList();
        var total = medians.Sum(m => m.Ms);
        var top = medians.MaxBy(m => m.Ms);
        return total > 0 ? (top.Stage, top.Ms / total) : ("", 0);
    }
}

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

/// <summary>The results as a plain-text table (stdout) and as Markdown (--markdown).</summary>
internal sealed class Report(IReadOnlyList<SizeResult> results, int processors)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private IReadOnlyList<string> Stages => [.. SizeResult.KnownStages.Concat(results.SelectMany(r => r.Stages)).Distinct(StringComparer.Ordinal)
        .Where(s => results.Any(r => r.Stages.Contains(s, StringComparer.Ordinal)))];

    private IReadOnlyList<string> Header =>
        ["papers", "runs", "wall median (min–max) s", "HTML pages", "pages/s", "peak RSS median (max) MB", .. Stages.Select(s => s + " ms"), "dominant stage"];

    private IEnumerable<IReadOnlyList<string>> Rows => results.Select(r =>
    {
        var (stage, share) = r.Dominant();
        return (IReadOnlyList<string>)
        [
            r.Papers.ToString("N0", Inv),
            r.Runs.Count.ToString(Inv),
            string.Create(Inv, $"{r.WallMedian:F2} ({r.WallMin:F2}–{r.WallMax:F2})"),
            r.Pages.ToString("N0", Inv),
            r.PagesPerSecond.ToString("F0", Inv),
            r.RssMedian is { } rss ? string.Create(Inv, $"{rss:F0} ({r.RssMax:F0})") : "n/a",
            .. Stages.Select(s => r.Stages.Contains(s, StringComparer.Ordinal) ? r.StageMedian(s).ToString("F0", Inv) : "–"),
            string.Create(Inv, $"{stage} ({share:P0})"),
        ];
    });

    private string Caption => string.Create(Inv,
        $"atlas build, fresh process per run, {processors} logical CPUs; stage columns are medians of atlas --timings; the dominant stage's share is of the stage sum.");

    public string Text()
    {
        var rows = Rows.ToList();
        var header = Header;
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine(Caption);
        text.AppendLine(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))));
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((c, i) => c.PadLeft(widths[i]))));
        }

        return text.ToString();
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(Caption).AppendLine();
        text.AppendLine("| " + string.Join(" | ", Header) + " |");
        text.AppendLine("|" + string.Concat(Header.Select(_ => " ---: |")));
        foreach (var row in Rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        return text.ToString();
    }
}
