using System.ComponentModel;
using System.Diagnostics;

namespace PaperAtlas.Write;

/// <summary>
/// Removes a folder nothing refers to any more (the site a build replaced, a killed build's staging folder) in a
/// process of its own, so the build exits without waiting: at ten thousand papers the old tree is tens of thousands
/// of entries, and on a busy disk unlinking them took longer than building. The folder is first renamed to a
/// <see cref="Prefix"/> name, so a deleter that dies midway leaves a folder the next build knows to remove.
/// </summary>
internal static class BackgroundDelete
{
    /// <summary>The name of a folder waiting to be deleted, beside the output: <c>.site.trash-…</c>.</summary>
    public static string Prefix(string outputName) => $".{outputName}.trash-";

    /// <summary>Renames <paramref name="folder"/> to a trash name beside <paramref name="output"/> and deletes it in the background.</summary>
    public static void Discard(string folder, string output)
    {
        var trash = Path.Combine(Path.GetDirectoryName(output)!, Prefix(Path.GetFileName(output)) + Guid.NewGuid().ToString("N"));
        Directory.Move(folder, trash);
        Start(trash);
    }

    /// <summary>Deletes every trash folder beside <paramref name="output"/>, left by deleters that did not finish (or still run: a second deleter is harmless).</summary>
    public static void Resume(string output)
    {
        var parent = Path.GetDirectoryName(output)!;
        foreach (var trash in Directory.EnumerateDirectories(parent, Prefix(Path.GetFileName(output)) + "*"))
        {
            Start(trash);
        }
    }

    private static void Start(string folder)
    {
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe", $"/d /c rd /s /q \"{folder}\"")
            : new ProcessStartInfo("rm") { ArgumentList = { "-rf", "--", folder } };
        // Fresh pipes, not the build's: a caller reading the build's output to its end must not wait for the deleter.
        start.UseShellExecute = false;
        start.CreateNoWindow = true;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        try
        {
            using var process = Process.Start(start);
            if (process is not null)
            {
                return;
            }
        }
        catch (Win32Exception)
        {
            // No deleter to start (no rm on this system): delete here, as before.
        }

        Directory.Delete(folder, recursive: true);
    }
}
