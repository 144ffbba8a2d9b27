namespace PaperAtlas.Render;

/// <summary>
/// Takes one rendered file at a site-relative path. The bytes are the renderer's reused buffer: valid only during the
/// call, so a writer that keeps them copies them.
/// </summary>
public delegate void FileWriter(string path, ReadOnlySpan<byte> bytes);
