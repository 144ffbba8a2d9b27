namespace PaperAtlas.Render.GraphLayout;

/// <summary>
/// Node colours by topic: the n-th topic (in topics.yml order, counting the topics that colour at least one paper)
/// takes the n-th colour, so the same content always gets the same colours and the first two dozen topics never
/// share one. Every colour, grey included, keeps a contrast of at least 3:1 (WCAG 1.4.11) against the light and the
/// dark theme's backgrounds, which leaves mid-tones only (relative luminance about 0.15 to 0.25); within that band
/// each next colour is the one farthest (in CIELAB) from those before it, so the first topics differ the most.
/// </summary>
public static class TopicPalette
{
    public const string NoTopic = "#7d838b";

    public static IReadOnlyList<string> Colours { get; } =
    [
        "#1f77b5", "#d625d6", "#d72626", "#1c9e1c", "#a7841d", "#d3629b", "#5e5ee3", "#198d66", "#b96655", "#9b79c8",
        "#557a22", "#d26e25", "#d3255f", "#1c97a2", "#ab46ab", "#8c6939", "#256dd2", "#9b40de", "#dc35a4", "#198f41",
        "#e35d5d", "#a96ce5", "#868f19", "#b64b66",
    ];

    /// <param name="index">The topic's rank among the topics in use; negative for none.</param>
    public static string Colour(int index) => index < 0 ? NoTopic : Colours[index % Colours.Count];
}
