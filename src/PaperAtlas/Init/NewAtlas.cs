using System.Reflection;
using System.Text.Json;

namespace PaperAtlas.Init;

/// <summary>What <see cref="NewAtlas.Write"/> did: the files it wrote ('/'-joined, relative to the folder), or why it wrote none.</summary>
public sealed record NewAtlasResult(IReadOnlyList<string> Files, string? Error);

/// <summary>
/// <c>atlas init</c>: a new atlas in an empty folder, ready for <c>atlas build</c> and <c>atlas serve</c> with nothing
/// else: commented settings, a starter taxonomy, one example list, the check and deploy workflows (which install the
/// tool this version pins in <c>.config/dotnet-tools.json</c>), a .gitignore and a README. No theme folder: the
/// built-in theme is used until the atlas overrides a file of it. The starter files live in <c>Init/starter/</c>.
/// </summary>
public static class NewAtlas
{
    private const string Prefix = "starter/";

    /// <summary>The package whose command is `atlas`, and the file that pins its version for `dotnet tool restore`.</summary>
    public const string PackageId = "PaperAtlas";

    public const string ToolManifest = ".config/dotnet-tools.json";

    private static readonly Assembly Library = typeof(NewAtlas).Assembly;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes a new atlas into <paramref name="folder"/>, which must be empty or not yet exist.</summary>
    /// <param name="toolVersion">The version of Paper Atlas the workflows install (the running tool's own).</param>
    public static NewAtlasResult Write(string folder, string toolVersion)
    {
        if (File.Exists(folder))
        {
            return new([], $"{folder} is a file; name a new or empty folder");
        }

        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            return new([], $"{folder} is not empty; name a new or empty folder, so that nothing of yours is overwritten");
        }

        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal) { [ToolManifest] = Manifest(toolVersion) };
        foreach (var resource in Library.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = Library.GetManifestResourceStream(resource)!;
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            files[Target(resource[Prefix.Length..].Replace('\\', '/'))] = bytes.ToArray();
        }

        foreach (var (relative, bytes) in files)
        {
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }

        return new([.. files.Keys], null);
    }

    /// <summary>
    /// Where a starter file goes: <c>gitignore</c> and <c>github/</c> are kept without their dot in the source tree, so
    /// that they neither ignore files of this repository nor run as its workflows.
    /// </summary>
    private static string Target(string relative) =>
        relative == "gitignore" ? ".gitignore" : relative.StartsWith("github/", StringComparison.Ordinal) ? "." + relative : relative;

    /// <summary>The local tool manifest `dotnet tool restore` reads: this very version of Paper Atlas, and nothing newer by surprise.</summary>
    private static byte[] Manifest(string toolVersion)
    {
        var manifest = new
        {
            version = 1,
            isRoot = true,
            tools = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [PackageId.ToLowerInvariant()] = new { version = toolVersion, commands = new[] { "atlas" }, rollForward = false },
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(manifest, Indented);
    }
}
