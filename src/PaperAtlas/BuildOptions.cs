namespace PaperAtlas;

/// <summary>What to build from where; the CLI fills it from its options.</summary>
public sealed record BuildOptions(string ContentPath, string OutputPath, string? BaseUrl = null, string? TemplatesPath = null);
