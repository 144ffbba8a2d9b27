namespace PaperAtlas.Render;

/// <summary>Markup the renderer made and sanitised itself; the only value templates print without escaping.</summary>
public sealed record RawHtml(string Value)
{
    public static RawHtml Empty { get; } = new("");

    public override string ToString() => Value;
}
