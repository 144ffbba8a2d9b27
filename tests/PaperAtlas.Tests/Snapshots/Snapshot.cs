using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace PaperAtlas.Tests.Snapshots;

/// <summary>
/// Verify-style snapshots: <c>&lt;Name&gt;.verified.&lt;ext&gt;</c> beside the test file is the expected output.
/// On a mismatch a <c>.received.</c> file is written next to it and the assertion shows a readable diff.
/// Set ATLAS_ACCEPT_SNAPSHOTS=1 to accept the received output as the new verified file.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name, string extension = "html", [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "verified");
        Directory.CreateDirectory(folder);
        var verified = Path.Combine(folder, $"{name}.verified.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        var normalised = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("ATLAS_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, normalised);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == normalised)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, normalised);
        var message = expected is null
            ? $"no verified snapshot {verified}; review {received} and accept it with ATLAS_ACCEPT_SNAPSHOTS=1"
            : $"snapshot {name} differs (received: {received}):\n{Diff(expected, normalised)}";
        Assert.Fail(message);
    }

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var builder = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < diff.Lines.Count && shown < 40; i++)
        {
            var line = diff.Lines[i];
            if (line.Type == ChangeType.Unchanged)
            {
                continue;
            }

            builder.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").Append(i + 1).Append(": ").AppendLine(line.Text);
            shown++;
        }

        return builder.ToString();
    }
}
