namespace PaperAtlas.Write;

/// <summary>
/// Write for a build over a site already written (the preview server's): files are replaced in the live output one by
/// one, and only when their bytes changed, so an edit costs the few files it touches and the browser's cache keeps the
/// rest. Each file is written beside its place and renamed over it, so a page is never served half-written.
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
    /// Writes a file as <paramref name="write"/> streams it, unless the file already holds those bytes: the stream goes
    /// to a file beside it, which replaces it only when the two differ (papers.json is tens of MB: never held whole).
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

        if (SameBytes(temporary, full))
        {
            File.Delete(temporary);
            return;
        }

        File.Move(temporary, full, overwrite: true);
        Interlocked.Increment(ref _written);
    }

    /// <summary>Deletes files of the site (site-relative paths), and the folders they leave empty; never the site's marker.</summary>
    public void Delete(IEnumerable<string> relativePaths)
    {
        foreach (var relative in relativePaths.Where(p => p != OutputFolder.MarkerName))
        {
            var full = Resolve(relative);
            File.Delete(full);

            // A full build leaves no empty folders (a removed paper's papers/<slug>/), so neither may this.
            for (var dir = Path.GetDirectoryName(full); dir is not null && dir.Length > _output.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any(); dir = Path.GetDirectoryName(dir))
            {
                Directory.Delete(dir);
            }
        }
    }

    private static bool SameBytes(string left, string right)
    {
        var (a, b) = (new FileInfo(left), new FileInfo(right));
        if (!b.Exists || a.Length != b.Length)
        {
            return false;
        }

        using var x = a.OpenRead();
        using var y = b.OpenRead();
        var (bufferX, bufferY) = (new byte[1 << 16], new byte[1 << 16]);
        int read;
        while ((read = x.ReadAtLeast(bufferX, bufferX.Length, throwOnEndOfStream: false)) > 0)
        {
            if (y.ReadAtLeast(bufferY, read, throwOnEndOfStream: false) != read || !bufferX.AsSpan(0, read).SequenceEqual(bufferY.AsSpan(0, read)))
            {
                return false;
            }
        }

        return true;
    }

    private string Resolve(string relativePath) => SitePath.Resolve(_output, relativePath);
}
