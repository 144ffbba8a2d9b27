using System.Text;
using PaperAtlas.Diagnostics;
using PaperAtlas.Load;

namespace PaperAtlas.Metadata;

/// <summary>
/// The fetched metadata kept in the repository: <c>content/metadata/&lt;slug&gt;.yml</c>, one record per paper (see
/// <see cref="MetadataYaml"/>). Reading it needs no network, so every build stays offline and deterministic; a record
/// that is broken (by hand) is reported at its line and left out, never thrown.
/// </summary>
public static class MetadataStore
{
    /// <summary>The folder under content/ that holds the records.</summary>
    public const string Folder = "metadata";

    public const string Extension = ".yml";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads every record under <c>content/metadata/</c>; an atlas without the folder has none.</summary>
    public static PaperMetadataSet Load(string contentPath, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(contentPath);
        var display = ContentLoader.DisplayRoot(contentPath);
        if (!Directory.Exists(Path.Combine(root, Folder)))
        {
            return PaperMetadataSet.Empty;
        }

        var files = ContentFiles.Find(root, display, Folder, "", diagnostics)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .ToArray();
        var records = new PaperMetadata?[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var shown = ContentLoader.Shown(display, files[i]);
            if (RecordFileName(files[i]) is null)
            {
                diagnostics.Warning(DiagnosticCodes.MetadataFileNotRecord, SourceLocation.StartOf(shown),
                    $"'{shown}' is not a metadata record, so it is not read",
                    $"records are `{Folder}/<paper>{Extension}` files directly in {Folder}/; move or remove this one");
                return;
            }

            if (ContentLoader.ReadText(Path.Combine(root, files[i]), shown, diagnostics) is { } text)
            {
                records[i] = MetadataYaml.Read(shown, text, diagnostics);
            }
        });

        var kept = new Dictionary<string, PaperMetadata>(StringComparer.Ordinal);
        var fileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Length; i++)
        {
            if (records[i] is not { } record)
            {
                continue;
            }

            if (kept.TryGetValue(record.Id, out var first))
            {
                diagnostics.Error(DiagnosticCodes.MetadataDuplicate, record.Location,
                    $"paper '{record.Id}' already has a metadata record, in {first.Location.File}, so this one is not read",
                    "delete one of the two files");
                continue;
            }

            kept[record.Id] = record;
            fileOf[record.Id] = RecordFileName(files[i])!;
        }

        return new PaperMetadataSet(kept.Values, fileOf);
    }

    /// <summary>The record file's name for a metadata-relative path that is one, else null.</summary>
    private static string? RecordFileName(string relative)
    {
        var name = relative[(Folder.Length + 1)..];
        return !name.Contains('/', StringComparison.Ordinal) && name.EndsWith(Extension, StringComparison.Ordinal) && name.Length > Extension.Length ? name : null;
    }

    /// <summary>The file a new record of the paper with this slug goes to.</summary>
    public static string FileNameFor(string paperSlug) => paperSlug + Extension;

    /// <summary>
    /// Writes one record to <c>content/metadata/<paramref name="fileName"/></c> unless it already holds exactly these
    /// bytes; true when the file changed. The file is replaced whole (written beside it, then moved), so an interrupted
    /// fetch never leaves half a record.
    /// </summary>
    public static bool Save(string contentPath, string fileName, PaperMetadata record)
    {
        if (fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal) || fileName.StartsWith('.'))
        {
            throw new ArgumentException($"'{fileName}' is not a file name in {Folder}/", nameof(fileName));
        }

        var folder = new DirectoryInfo(Path.Combine(Path.GetFullPath(contentPath), Folder));
        if (folder.LinkTarget is not null)
        {
            throw new IOException($"{Folder}/ is a symbolic link; records are written only into a real folder");
        }

        folder.Create();
        var path = Path.Combine(folder.FullName, fileName);
        var bytes = Utf8.GetBytes(MetadataYaml.Write(record));
        if (File.Exists(path) && new FileInfo(path).LinkTarget is null && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        var temporary = path + ".partial";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return true;
    }
}
