namespace PaperAtlas.Render.GraphLayout;

/// <summary>A position in layout units (one unit is one CSS pixel at the picture's natural size).</summary>
public readonly record struct Point(double X, double Y);

/// <summary>An axis-aligned box: a label's extent.</summary>
public readonly record struct Box(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public bool Overlaps(Box other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    /// <summary>Whether the box comes closer than <paramref name="radius"/> to the centre <paramref name="c"/>.</summary>
    public bool Touches(Point c, double radius)
    {
        var dx = c.X - Math.Clamp(c.X, X, Right);
        var dy = c.Y - Math.Clamp(c.Y, Y, Bottom);
        return dx * dx + dy * dy < radius * radius;
    }
}
