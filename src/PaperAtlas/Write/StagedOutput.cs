namespace PaperAtlas.Write;

/// <summary>
/// Write: the site is written into a staging folder beside the output and swapped into place only when
/// everything is written, so a failed or killed build never leaves a half-written site behind.
/// Stale files disappear with the old folder. Paths are checked to stay inside the output.
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
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }

        Directory.CreateDirectory(_staging);
    }

    public string StagingPath => _staging;

    /// <summary>Writes one file at a site-relative path such as <c>papers/2106.09685/index.html</c>.</summary>
    public void Write(string relativePath, byte[] bytes)
    {
        var full = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        stream.Write(bytes);
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
            Directory.Move(_output, old);
        }

        Directory.Move(_staging, _output);
        _committed = true;
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }

    private string Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_staging, relativePath));
        if (!full.StartsWith(_staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refusing to write outside the site: {relativePath}");
        }

        return full;
    }
}
