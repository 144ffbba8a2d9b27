namespace PaperAtlas;

/// <summary>
/// How far a build has come, for a progress line: the stage it is in and how many pages it has written. Written by the
/// build's threads, read by whoever shows it; reading never slows the build.
/// </summary>
/// <param name="pagesOnDisk">
/// Told the URLs of the pages whose new bytes are on disk, as soon as they are ("*" when the whole site may have
/// changed): the preview server reloads each open page when its own page is written.
/// </param>
public sealed class BuildProgress(Action<IReadOnlyList<string>>? pagesOnDisk = null)
{
    /// <summary>What <see cref="PagesOnDisk"/> says when any page may have changed.</summary>
    public const string EveryPage = "*";

    private string _stage = "load";
    private int _pages;

    public string Stage => Volatile.Read(ref _stage);

    public int Pages => Volatile.Read(ref _pages);

    internal void Enter(string stage) => Volatile.Write(ref _stage, stage);

    internal void PageWritten() => Interlocked.Increment(ref _pages);

    internal void PagesOnDisk(IReadOnlyList<string> urls)
    {
        if (urls.Count > 0)
        {
            pagesOnDisk?.Invoke(urls);
        }
    }
}
