namespace PaperAtlas;

/// <summary>
/// The one size policy: from <see cref="Large"/> papers on, a build spends time to save memory (it collects garbage
/// between stages and every <see cref="CollectEveryPages"/> pages, and renders the overview pages one at a time), because
/// there the peak memory, not the seconds, is what fails (measurements in docs/performance.md).
/// </summary>
internal static class AtlasSize
{
    public const int Large = 20_000;

    /// <summary>How many pages a large atlas renders between collections.</summary>
    public const int CollectEveryPages = 10_000;

    public static bool IsLarge(int papers) => papers >= Large;
}
