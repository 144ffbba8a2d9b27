namespace PaperAtlas.Render;

/// <summary>
/// Markup the renderer made and sanitised itself; the only value templates print without escaping. Page models compare
/// by value, so markup does too: by its text, or, for markup made on first use, by what it is made from.
/// </summary>
public abstract class Html : IEquatable<Html>
{
    public abstract string Value { get; }

    public abstract bool Equals(Html? other);

    public override bool Equals(object? obj) => obj is Html other && Equals(other);

    public abstract override int GetHashCode();

    public override string ToString() => Value;
}

/// <summary>Markup already made.</summary>
public sealed class RawHtml(string value) : Html
{
    public static RawHtml Empty { get; } = new("");

    public override string Value { get; } = value;

    public override bool Equals(Html? other) => other is RawHtml raw && raw.Value == Value;

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
}

/// <summary>
/// Markup made from <paramref name="inputs"/> the first time a template reads it: a page model holding it costs little
/// to make and to compare (two are equal when made by the same function from equal inputs), and only a page that is
/// rendered pays for its notes, lists and pictures.
/// </summary>
public sealed class LazyHtml<TInputs>(TInputs inputs, Func<TInputs, string> make) : Html
    where TInputs : IEquatable<TInputs>
{
    private readonly Func<TInputs, string> _make = make;
    private string? _value;

    public TInputs Inputs { get; } = inputs;

    public override string Value => _value ??= _make(Inputs);

    public override bool Equals(Html? other) =>
        other is LazyHtml<TInputs> lazy && lazy._make == _make && lazy.Inputs.Equals(Inputs);

    public override int GetHashCode() => Inputs.GetHashCode();
}

/// <summary>Markup the renderer made, still in the buffer it was rendered into; printed as <see cref="RawHtml"/> is.</summary>
internal sealed class BufferedHtml(System.Text.StringBuilder builder)
{
    public System.Text.StringBuilder Builder { get; } = builder;

    public override string ToString() => Builder.ToString();
}
