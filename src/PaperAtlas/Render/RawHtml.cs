namespace PaperAtlas.Render;

/// <summary>Markup the renderer made and sanitised itself; the only value templates print without escaping.</summary>
public sealed record RawHtml(string Value)
{
    public static RawHtml Empty { get; } = new("");

    public override string ToString() => Value;
}

/// <summary>Markup the renderer made, still in the buffer it was rendered into; printed as <see cref="RawHtml"/> is.</summary>
internal sealed class BufferedHtml(System.Text.StringBuilder builder)
{
    public System.Text.StringBuilder Builder { get; } = builder;

    public override string ToString() => Builder.ToString();
}
