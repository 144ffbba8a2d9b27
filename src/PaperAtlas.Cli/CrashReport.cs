using System.Globalization;

namespace PaperAtlas.Cli;

/// <summary>
/// An error no one foresaw: the person gets one line saying where the full report was written, never a stack trace on
/// the terminal, and the exit code <see cref="AtlasCommand.InternalError"/>.
/// </summary>
public static class CrashReport
{
    /// <summary>Writes the report and prints the one line; returns <see cref="AtlasCommand.InternalError"/>.</summary>
    /// <param name="folder">Where the report goes; the system's temporary folder when null.</param>
    public static int Report(Exception exception, IReadOnlyList<string> args, TextWriter stderr, string? folder = null)
    {
        var message = Load.ControlCharacters.Printable(exception.Message.ReplaceLineEndings(" "));
        try
        {
            folder ??= Path.Combine(Path.GetTempPath(), "paper-atlas");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"crash-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Guid.NewGuid():N}.log"));
            File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture,
                $"atlas {ToolVersion.Informational} on .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}\n{DateTime.UtcNow:O}\natlas {string.Join(' ', args)}\n\n{exception}\n"));
            stderr.WriteLine($"atlas: internal error: {message} — the full report is in {path}; please attach it to an issue");
        }
        catch (Exception written) when (written is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"atlas: internal error: {message} (the full report could not be written: {written.Message})");
        }

        return AtlasCommand.InternalError;
    }
}
