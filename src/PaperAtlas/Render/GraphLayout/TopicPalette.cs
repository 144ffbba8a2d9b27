namespace PaperAtlas.Render.GraphLayout;

/// <summary>
/// Node colours by topic: the n-th topic (in topics.yml order, counting the topics that colour at least one paper)
/// takes the n-th colour, so the same content always gets the same colours and the first two dozen topics never
/// share one. Mid-tone colours that read on the light and the dark theme; grey is kept for papers without a topic.
/// </summary>
public static class TopicPalette
{
    public const string NoTopic = "#9aa0a6";

    private static readonly string[] Colours =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79",
        "#f7b6d2", "#637939", "#6baed6", "#843c39", "#74c476", "#c49c94", "#7b4173", "#e7ba52", "#9edae5", "#ad494a",
        "#c5b0d5", "#5254a3", "#dbdb8d", "#ff9896",
    ];

    /// <param name="index">The topic's rank among the topics in use; negative for none.</param>
    public static string Colour(int index) => index < 0 ? NoTopic : Colours[index % Colours.Length];
}
