namespace PaperAtlas.Write;

/// <summary>
/// Write: the site is written into a staging folder beside the output and swapped into place only when
/// everything is written, so a failed or killed build never leaves a half-written site behind.
/// Stale files disappear with the old folder, deleted in the background (<see cref="BackgroundDelete"/>).
/// Paths are checked to stay inside the output. The site holds <see cref="OutputFolder.MarkerName"/>, and a
/// folder without it is never replaced.
/// </summary>
public sealed class StagedOutput : IDisposable
{
    private readonly string _output;
    private readonly string _staging;
    private bool _committed;

    public StagedOutput(string outputPath)
    {
        _output = Path.GetFullPath(outputPath).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_output) ?? throw new ArgumentException("the output cannot be a root folder", nameof(outputPath));
        Directory.CreateDirectory(parent);
        _staging = Path.Combine(parent, $".{Path.GetFileName(_output)}.staging-{Environment.ProcessId}");
        RecoverFromKilledBuilds(parent, Path.GetFileName(_output));
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }

        Directory.CreateDirectory(_staging);
        File.WriteAllBytes(Path.Combine(_staging, OutputFolder.MarkerName), OutputFolder.MarkerText);
    }

    public string StagingPath => _staging;

    /// <summary>Writes one file at a site-relative path such as <c>papers/2106.09685/index.html</c>.</summary>
    public void Write(string relativePath, ReadOnlySpan<byte> bytes)
    {
        var full = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        stream.Write(bytes);
    }

    /// <summary>Writes one file as <paramref name="write"/> streams it: for files too large to hold in memory at once.</summary>
    public void WriteStream(string relativePath, Action<Stream> write)
    {
        var full = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        write(stream);
    }

    /// <summary>Replaces the output with the staged folder: the old site is moved aside, the new one moved in.</summary>
    public void Commit()
    {
        var old = _staging + ".old";
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }

        if (Directory.Exists(_output))
        {
            // Callers check the output first (OutputFolder.Check); this is the last line before a folder is deleted.
            if (!OutputFolder.MayReplace(_output))
            {
                throw new InvalidOperationException($"refusing to replace {_output}: no build of atlas made it");
            }

            Directory.Move(_output, old);
        }

        Directory.Move(_staging, _output);
        _committed = true;
        if (Directory.Exists(old))
        {
            BackgroundDelete.Discard(old, _output);
        }
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }

    /// <summary>
    /// A build killed mid-write leaves its staging folder (named with its process id) beside the output; a build
    /// killed between the two moves of <see cref="Commit"/> leaves the old site in <c>….old</c> and no output.
    /// Folders of processes still running are left alone: they belong to a build in progress.
    /// </summary>
    private void RecoverFromKilledBuilds(string parent, string name)
    {
        BackgroundDelete.Resume(_output);
        var prefix = $".{name}.staging-";
        foreach (var folder in Directory.EnumerateDirectories(parent, prefix + "*").Order(StringComparer.Ordinal).ToList())
        {
            var rest = Path.GetFileName(folder)[prefix.Length..];
            var isOld = rest.EndsWith(".old", StringComparison.Ordinal);
            if (!int.TryParse(isOld ? rest[..^4] : rest, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
                || pid == Environment.ProcessId || IsRunning(pid))
            {
                continue;
            }

            if (isOld && !Directory.Exists(_output))
            {
                Directory.Move(folder, _output);
                continue;
            }

            BackgroundDelete.Discard(folder, _output);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private string Resolve(string relativePath) => SitePath.Resolve(_staging, relativePath);
}
