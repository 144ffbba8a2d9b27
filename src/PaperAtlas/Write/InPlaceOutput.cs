namespace PaperAtlas.Write;

/// <summary>
/// Write for the preview server's rebuilds: files are replaced in the live output one by one, and only when their
/// bytes changed, so an edit costs the few files it touches and the browser's cache keeps the rest. Each file is
/// written beside its place and renamed over it, so a page is never served half-written.
/// </summary>
public sealed class InPlaceOutput(string outputPath)
{
    private readonly string _output = Path.GetFullPath(outputPath).TrimEnd(Path.DirectorySeparatorChar);
    private int _written;

    /// <summary>How many files this output has written (not counting the ones found unchanged).</summary>
    public int Written => _written;

    /// <summary>Writes one file at a site-relative path unless it already holds these bytes; safe from several threads.</summary>
    public void Write(string relativePath, ReadOnlySpan<byte> bytes)
    {
        var full = Resolve(relativePath);
        var existing = new FileInfo(full);
        if (existing.Exists && existing.Length == bytes.Length && File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Environment.CurrentManagedThreadId}.partial";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, full, overwrite: true);
        Interlocked.Increment(ref _written);
    }

    /// <summary>
    /// Writes a file known to have changed straight from its parts, without holding it in memory or comparing it:
    /// papers.json is tens of megabytes at ten thousand papers, and reading it back would cost more than writing it.
    /// </summary>
    public void WriteStream(string relativePath, Action<Stream> write)
    {
        var full = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Environment.CurrentManagedThreadId}.partial";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            write(stream);
        }

        File.Move(temporary, full, overwrite: true);
        Interlocked.Increment(ref _written);
    }

    /// <summary>Removes every file under <paramref name="folder"/> (site-relative; "" for all) that <paramref name="keep"/> rejects, never the site's marker.</summary>
    public int DeleteExcept(string folder, Func<string, bool> keep)
    {
        var root = folder.Length == 0 ? _output : Resolve(folder);
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList())
        {
            var relative = Path.GetRelativePath(_output, file).Replace('\\', '/');
            if (relative != OutputFolder.MarkerName && !keep(relative))
            {
                File.Delete(file);
                deleted++;
            }
        }

        // A full build leaves no empty folders (a removed paper's papers/<slug>/), so neither may this.
        foreach (var dir in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
        {
            if (!Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
        }

        return deleted;
    }

    private string Resolve(string relativePath) => SitePath.Resolve(_output, relativePath);
}
