using System.Diagnostics;

namespace PaperAtlas.Cli;

/// <summary>
/// A build's progress on one line of stderr, rewritten in place (<c>\r</c>), for a person watching a terminal: shown
/// only once the build has taken <see cref="ShowAfter"/>, and wiped when the build ends so nothing is left behind.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    /// <summary>A build shorter than this shows no progress: the summary line comes at once.</summary>
    public static readonly TimeSpan ShowAfter = TimeSpan.FromSeconds(2);

    private readonly BuildProgress _progress;
    private readonly TextWriter _writer;
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private readonly Timer _timer;
    private int _shownLength;
    private bool _stopped;

    public ProgressLine(BuildProgress progress, TextWriter writer, TimeSpan showAfter, TimeSpan every)
    {
        _progress = progress;
        _writer = writer;
        _timer = new Timer(_ => Show(), null, showAfter, every);
    }

    private void Show()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            var elapsed = Stopwatch.GetElapsedTime(_start).TotalSeconds;
            var text = $"building: {_progress.Stage}, {_progress.Pages} pages written, {elapsed:F0} s";
            _writer.Write("\r" + text.PadRight(_shownLength));
            _writer.Flush();
            _shownLength = text.Length;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            if (_shownLength > 0)
            {
                _writer.Write("\r" + new string(' ', _shownLength) + "\r");
                _writer.Flush();
            }
        }

        _timer.Dispose();
    }
}
