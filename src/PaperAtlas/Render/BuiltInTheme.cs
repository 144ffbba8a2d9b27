using System.Collections.Frozen;
using System.Reflection;

namespace PaperAtlas.Render;

/// <summary>
/// The default theme, built into the library from the repository's <c>templates/</c> folder (embedded resources named
/// <c>theme/&lt;path&gt;</c>, see PaperAtlas.csproj), so that an atlas needs no theme folder of its own.
/// </summary>
internal static class BuiltInTheme
{
    private const string Prefix = "theme/";

    /// <summary>How diagnostics name the built-in theme's files.</summary>
    public const string Shown = "(built-in theme)";

    private static readonly Assembly Library = typeof(BuiltInTheme).Assembly;

    /// <summary>Every file of the built-in theme by its '/'-joined path (<c>paper.sbn</c>, <c>assets/site.css</c>).</summary>
    public static FrozenDictionary<string, ThemeFile> Files { get; } = Library.GetManifestResourceNames()
        .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
        .ToFrozenDictionary(name => name[Prefix.Length..].Replace('\\', '/'), name => new ThemeFile($"{Shown}/{name[Prefix.Length..].Replace('\\', '/')}", () => Read(name)), StringComparer.Ordinal);

    private static byte[] Read(string resource)
    {
        using var stream = Library.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"the built-in theme lost {resource}");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
