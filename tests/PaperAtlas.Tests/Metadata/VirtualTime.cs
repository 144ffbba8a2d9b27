namespace PaperAtlas.Tests.Metadata;

/// <summary>
/// A clock on which every wait ends at once, moving the clock on by the time waited: a fetch that spaces its requests
/// 3 s apart and backs off for minutes runs in milliseconds, and what the fakes record is when each request came in
/// virtual time. The fetch waits for one thing at a time, so the order of waits is the order of time.
/// </summary>
internal sealed class VirtualTime : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Every wait asked for, in order.</summary>
    public List<TimeSpan> Waits { get; } = [];

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _now += dueTime;
                Waits.Add(dueTime);
            }

            // Not on this thread: the caller has not yet stored the timer the callback may dispose.
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new Fired();
    }

    private sealed class Fired : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}
