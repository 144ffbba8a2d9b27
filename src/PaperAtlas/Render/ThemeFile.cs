namespace PaperAtlas.Render;

/// <summary>One file of a theme layer: how diagnostics name it, and how to read it.</summary>
internal sealed record ThemeFile(string Shown, Func<byte[]> Read)
{
    public static ThemeFile OnDisk(string folder, string relative, string shown) =>
        new(shown, () => File.ReadAllBytes(Path.Combine(folder, relative)));
}
