namespace PaperAtlas.Write;

/// <summary>Where a site-relative path lands under an output folder; content-made paths must never leave it.</summary>
internal static class SitePath
{
    /// <param name="root">The output folder, full path without a trailing separator.</param>
    public static string Resolve(string root, string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(root, relativePath));

        // With the separator: "site2/x" is not inside "site".
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refusing to write outside the site: {relativePath}");
        }

        return full;
    }
}
