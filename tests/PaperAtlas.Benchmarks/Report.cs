using System.Globalization;
using System.Text;

namespace PaperAtlas.Benchmarks;

/// <summary>The timed runs of one tool on one corpus size under one protocol.</summary>
internal sealed record Series(string Tool, int Papers, Protocol Protocol, IReadOnlyList<BuildRun> Runs)
{
    /// <summary>The pipeline stages atlas --timings prints, in pipeline order.</summary>
    public static readonly string[] KnownStages = ["load", "read", "graph", "render", "write"];

    public double WallMedian => Stats.Median(Runs.Select(r => r.WallSeconds));

    public double WallMin => Runs.Min(r => r.WallSeconds);

    public double WallMax => Runs.Max(r => r.WallSeconds);

    /// <summary>What the last run left in the output folder.</summary>
    public BuildRun Last => Runs[^1];

    public double? RssMedian => Runs.All(r => r.PeakRssMb is not null) && Runs.Count > 0 ? Stats.Median(Runs.Select(r => r.PeakRssMb!.Value)) : null;

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

/// <summary>
/// The results as plain-text tables (stdout) and as Markdown (--markdown): atlas against the peer per size and
/// protocol (time, memory, output), then atlas's own stages.
/// </summary>
internal sealed class Report(IReadOnlyList<Series> series, int processors)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private IEnumerable<(int Papers, Protocol Protocol, Series Atlas, Series? Peer)> Pairs =>
        series.Where(s => s.Tool == "atlas").Select(a => (a.Papers, a.Protocol, a,
            series.FirstOrDefault(p => p.Tool != "atlas" && p.Papers == a.Papers && p.Protocol == a.Protocol)));

    private (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) Comparison()
    {
        var peer = series.FirstOrDefault(s => s.Tool != "atlas")?.Tool;
        IReadOnlyList<string> header = peer is null
            ? ["papers", "protocol", "runs", "atlas wall median (min–max) s", "atlas peak RSS MB", "atlas files", "atlas MB"]
            : ["papers", "protocol", "runs", "atlas wall median (min–max) s", $"{peer} wall median (min–max) s", $"atlas / {peer}",
                "atlas peak RSS MB", $"{peer} peak RSS MB", "atlas files", $"{peer} files", "atlas MB", $"{peer} MB"];
        var rows = Pairs.Select(p => (IReadOnlyList<string>)(p.Peer is null || peer is null
            ? [Count(p.Papers), Name(p.Protocol), Count(p.Atlas.Runs.Count), Wall(p.Atlas), Rss(p.Atlas), Count(p.Atlas.Last.Files), Mb(p.Atlas.Last.Bytes)]
            : [Count(p.Papers), Name(p.Protocol), Count(p.Atlas.Runs.Count), Wall(p.Atlas), Wall(p.Peer), (p.Atlas.WallMedian / p.Peer.WallMedian).ToString("F2", Inv),
                Rss(p.Atlas), Rss(p.Peer), Count(p.Atlas.Last.Files), Count(p.Peer.Last.Files), Mb(p.Atlas.Last.Bytes), Mb(p.Peer.Last.Bytes)])).ToList();
        return (header, rows);
    }

    private (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) AtlasStages()
    {
        var atlas = series.Where(s => s.Tool == "atlas").ToList();
        var stages = Series.KnownStages.Concat(atlas.SelectMany(s => s.Stages)).Distinct(StringComparer.Ordinal)
            .Where(s => atlas.Any(a => a.Stages.Contains(s, StringComparer.Ordinal))).ToList();
        IReadOnlyList<string> header = ["papers", "protocol", "HTML pages", .. stages.Select(s => s + " ms"), "dominant stage"];
        var rows = atlas.Select(a =>
        {
            var (stage, share) = a.Dominant();
            return (IReadOnlyList<string>)
            [
                Count(a.Papers), Name(a.Protocol), Count(a.Last.HtmlPages),
                .. stages.Select(s => a.Stages.Contains(s, StringComparer.Ordinal) ? a.StageMedian(s).ToString("F0", Inv) : "–"),
                string.Create(Inv, $"{stage} ({share:P0})"),
            ];
        }).ToList();
        return (header, rows);
    }

    private string Caption =>
        string.Create(Inv, $"Fresh process per build, {processors} logical CPUs; the tools alternate run by run, so both see the same machine load. ")
        + "fresh: output deleted and synced before each build; rebuild: over the previous build's output. Files and MB: the output of the last run.";

    public string Text()
    {
        var text = new StringBuilder();
        text.AppendLine(Caption);
        foreach (var (header, rows) in new[] { Comparison(), AtlasStages() })
        {
            var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
            text.AppendLine();
            text.AppendLine(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))));
            text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            foreach (var row in rows)
            {
                text.AppendLine(string.Join("  ", row.Select((c, i) => c.PadLeft(widths[i]))));
            }
        }

        return text.ToString();
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(Caption);
        foreach (var (header, rows) in new[] { Comparison(), AtlasStages() })
        {
            text.AppendLine();
            text.AppendLine("| " + string.Join(" | ", header) + " |");
            text.AppendLine("|" + string.Concat(header.Select(_ => " ---: |")));
            foreach (var row in rows)
            {
                text.AppendLine("| " + string.Join(" | ", row) + " |");
            }
        }

        return text.ToString();
    }

    private static string Count(int value) => value.ToString("N0", Inv);

    private static string Name(Protocol protocol) => protocol.ToString().ToLowerInvariant();

    private static string Wall(Series s) => string.Create(Inv, $"{s.WallMedian:F2} ({s.WallMin:F2}–{s.WallMax:F2})");

    private static string Rss(Series s) => s.RssMedian is { } rss ? rss.ToString("F0", Inv) : "n/a";

    private static string Mb(long bytes) => (bytes / 1e6).ToString("F1", Inv);
}
