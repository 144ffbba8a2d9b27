namespace PaperAtlas.Write;

/// <summary>Where folders really are (links resolved), and whether two of them overlap.</summary>
public static class Folders
{
    /// <summary>The full path with every link on it resolved, as far as the path exists.</summary>
    public static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.GetPathRoot(full) ?? "/";
        var real = root;
        var names = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < names.Length; i++)
        {
            var next = Path.Combine(real, names[i]);
            FileSystemInfo info = new DirectoryInfo(next);
            if (info.LinkTarget is null)
            {
                info = new FileInfo(next);
            }

            real = info.LinkTarget is not null && Resolve(info) is { } target ? Path.TrimEndingDirectorySeparator(RealPath(target)) : next;
        }

        return real;
    }

    /// <summary>A link's final target; null for a loop (or a chain too long to follow).</summary>
    private static string? Resolve(FileSystemInfo link)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies inside it (both real paths).</summary>
    public static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>True when either folder is, or lies inside, the other.</summary>
    public static bool Overlap(string a, string b)
    {
        var (realA, realB) = (RealPath(a), RealPath(b));
        return IsSameOrInside(realA, realB) || IsSameOrInside(realB, realA);
    }

    /// <summary>The repository that holds <paramref name="folder"/>: the nearest folder at or above it with a <c>.git</c>; null when none.</summary>
    public static string? RepositoryRoot(string folder)
    {
        for (var dir = new DirectoryInfo(RealPath(folder)); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return Path.TrimEndingDirectorySeparator(dir.FullName);
            }
        }

        return null;
    }
}
