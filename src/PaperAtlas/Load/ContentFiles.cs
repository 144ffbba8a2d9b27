using System.Runtime.InteropServices;
using PaperAtlas.Diagnostics;

namespace PaperAtlas.Load;

/// <summary>
/// The files of a folder that content (or a theme) may be read from, found without ever leaving it: a symbolic link, to
/// a file or a folder, is never followed and a special file (pipe, device, socket) never opened; each is refused with a
/// diagnostic naming it. Names are taken as the file system gives them and joined with '/': on Linux a '\' is a
/// character of a name, never a separator.
/// </summary>
public static partial class ContentFiles
{
    private static readonly EnumerationOptions OneFolder = new()
    {
        AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false, ReturnSpecialDirectories = false,
    };

    /// <summary>
    /// Every regular file under <paramref name="folder"/> (relative to <paramref name="root"/>) whose name ends in
    /// <paramref name="extension"/> ("" for every file), as '/'-joined paths relative to <paramref name="root"/>, in
    /// ordinal order. Links and special files are reported (shown under <paramref name="display"/>) and left out.
    /// </summary>
    public static IReadOnlyList<string> Find(string root, string display, string folder, string extension, DiagnosticBag diagnostics)
    {
        var found = new List<string>();
        if (!IsPlainFolder(root, folder, display, diagnostics))
        {
            return found;
        }

        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var relative = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = [.. new DirectoryInfo(Path.Combine(root, relative)).EnumerateFileSystemInfos("*", OneFolder)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.StartOf(ContentLoader.Shown(display, relative)),
                    $"the folder cannot be read: {ex.Message}", "check the folder's permissions");
                continue;
            }

            foreach (var entry in entries)
            {
                var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                var isFolder = entry is DirectoryInfo;
                if (!isFolder && !entry.Name.EndsWith(extension, StringComparison.Ordinal))
                {
                    continue;
                }

                if (Refused(entry, ContentLoader.Shown(display, path), diagnostics))
                {
                    continue;
                }

                if (isFolder)
                {
                    pending.Push(path);
                }
                else
                {
                    found.Add(path);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>
    /// True when <paramref name="relative"/> (a '/'-joined path under <paramref name="root"/>) is a regular file reached
    /// through no link; a link or special file on the way is reported. False without a word when it does not exist.
    /// </summary>
    public static bool IsPlainFile(string root, string relative, string display, DiagnosticBag diagnostics)
    {
        var folder = relative.LastIndexOf('/') is var slash and >= 0 ? relative[..slash] : "";
        if (!IsPlainFolder(root, folder, display, diagnostics))
        {
            return false;
        }

        var info = new FileInfo(Path.Combine(root, relative));
        return (info.Exists || info.LinkTarget is not null) && !Refused(info, ContentLoader.Shown(display, relative), diagnostics);
    }

    /// <summary>True when every folder from <paramref name="root"/> down to <paramref name="relative"/> exists and none is a link.</summary>
    private static bool IsPlainFolder(string root, string relative, string display, DiagnosticBag diagnostics)
    {
        var path = "";
        foreach (var name in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path = path.Length == 0 ? name : path + "/" + name;
            var info = new DirectoryInfo(Path.Combine(root, path));
            if (IsLink(info))
            {
                Refused(info, ContentLoader.Shown(display, path), diagnostics);
                return false;
            }

            if (!info.Exists)
            {
                return false;
            }
        }

        return Directory.Exists(root);
    }

    /// <summary>Reports a link or special file; true when the entry must not be read.</summary>
    private static bool Refused(FileSystemInfo entry, string shown, DiagnosticBag diagnostics)
    {
        if (IsLink(entry))
        {
            diagnostics.Error(DiagnosticCodes.LinkRefused, SourceLocation.StartOf(shown),
                $"'{shown}' is a symbolic link (to '{entry.LinkTarget}'); links are never followed, so nothing outside the content folder is read",
                "replace the link with the file itself, or remove it");
            return true;
        }

        if (entry is FileInfo && IsSpecial(entry.FullName))
        {
            diagnostics.Error(DiagnosticCodes.SpecialFileRefused, SourceLocation.StartOf(shown),
                $"'{shown}' is not a regular file (a pipe, device or socket), so it is not opened",
                "remove it: content is regular Markdown and YAML files");
            return true;
        }

        return false;
    }

    private static bool IsLink(FileSystemInfo entry) =>
        entry.LinkTarget is not null || (entry.Exists && entry.Attributes.HasFlag(FileAttributes.ReparsePoint));

    /// <summary>
    /// .NET reports pipes and devices as ordinary files, and opening a pipe blocks. On Linux the file's type is asked of
    /// the kernel (statx, whose layout is the same on every architecture); elsewhere a pipe or device reports a length of
    /// 0, and the loader never opens a file of length 0 (<see cref="ContentLoader.ReadText"/>).
    /// </summary>
    private static bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux() || !s_statxWorks)
        {
            return false;
        }

        const int AtCurrentFolder = -100, DoNotFollowLinks = 0x100, WantType = 0x1, ModeOffset = 28, TypeMask = 0xF000, RegularFile = 0x8000;
        var buffer = new byte[256];
        try
        {
            if (Statx(AtCurrentFolder, path, DoNotFollowLinks, WantType, buffer) != 0)
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            s_statxWorks = false;
            return false;
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) != RegularFile;
    }

    private static volatile bool s_statxWorks = true;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Statx(int folder, string path, int flags, uint mask, [Out] byte[] buffer);
}
