using PaperAtlas.Cli;

namespace PaperAtlas.Tests.Cli;

/// <summary>The progress line a long build shows on a terminal: rewritten in place, and wiped when the build ends.</summary>
public sealed class ProgressLineTests
{
    [Fact]
    public void The_line_shows_the_stage_and_pages_and_is_wiped_at_the_end()
    {
        var progress = new BuildProgress();
        progress.Enter("render pages");
        progress.PageWritten();
        progress.PageWritten();
        using var writer = new StringWriter();

        using (new ProgressLine(progress, writer, TimeSpan.Zero, TimeSpan.FromMilliseconds(10)))
        {
            SpinWait.SpinUntil(() => writer.ToString().Contains("pages written", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        }

        var text = writer.ToString();
        Assert.StartsWith("\rbuilding: render pages, 2 pages written, ", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
        var wiped = text[text.LastIndexOf('\r', text.Length - 2)..];
        Assert.Matches(@"^\r +\r$", wiped);
    }

    [Fact]
    public void A_build_shorter_than_the_wait_shows_nothing()
    {
        using var writer = new StringWriter();

        using (new ProgressLine(new BuildProgress(), writer, TimeSpan.FromHours(1), TimeSpan.FromSeconds(1)))
        {
        }

        Assert.Equal("", writer.ToString());
    }
}
