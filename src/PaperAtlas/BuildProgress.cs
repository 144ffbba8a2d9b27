namespace PaperAtlas;

/// <summary>
/// How far a build has come, for a progress line: the stage it is in and how many pages it has written. Written by the
/// build's threads, read by whoever shows it; reading never slows the build.
/// </summary>
public sealed class BuildProgress
{
    private string _stage = "load";
    private int _pages;

    public string Stage => Volatile.Read(ref _stage);

    public int Pages => Volatile.Read(ref _pages);

    internal void Enter(string stage) => Volatile.Write(ref _stage, stage);

    internal void PageWritten() => Interlocked.Increment(ref _pages);
}
