namespace PaperAtlas;

/// <summary>How long one pipeline stage took.</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed);

/// <summary>Times stages in plain code, as Zola does: no framework, one line per stage.</summary>
internal sealed class StageClock
{
    private readonly List<StageTiming> _timings = [];

    public IReadOnlyList<StageTiming> Timings => _timings;

    public T Time<T>(string stage, Func<T> run)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = run();
        _timings.Add(new StageTiming(stage, System.Diagnostics.Stopwatch.GetElapsedTime(start)));
        return result;
    }

    public void Time(string stage, Action run) => Time(stage, () => { run(); return 0; });
}
