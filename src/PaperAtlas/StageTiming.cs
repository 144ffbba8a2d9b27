namespace PaperAtlas;

/// <summary>How long one pipeline stage took, and the processor time the whole process spent in it (all threads).</summary>
/// <param name="Cpu">Against <paramref name="Elapsed"/>, how well the stage used the cores: on two cores a parallel stage nears twice its wall time.</param>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, TimeSpan Cpu);

/// <summary>Times stages in plain code, as Zola does: no framework, one line per stage.</summary>
/// <param name="progress">Told of each stage as it starts, when someone shows the build's progress.</param>
internal sealed class StageClock(BuildProgress? progress = null)
{
    private readonly List<StageTiming> _timings = [];

    public IReadOnlyList<StageTiming> Timings => _timings;

    public T Time<T>(string stage, Func<T> run)
    {
        progress?.Enter(stage);
        var cpu = Environment.CpuUsage.TotalTime;
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = run();
        _timings.Add(new StageTiming(stage, System.Diagnostics.Stopwatch.GetElapsedTime(start), Environment.CpuUsage.TotalTime - cpu));
        return result;
    }

    public void Time(string stage, Action run) => Time(stage, () => { run(); return 0; });

    /// <summary>Adds a stage timed by another clock (one that ran alongside).</summary>
    public void Add(StageTiming timing) => _timings.Add(timing);
}
