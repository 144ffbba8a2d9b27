using Markdig;

namespace PaperAtlas.Load;

/// <summary>The Markdig pipelines, built once and shared: building one per document is the classic slowdown.</summary>
public static class MarkdownPipelines
{
    /// <summary>For reading lists: exact source positions for diagnostics, front-matter skipped, pipe tables.</summary>
    public static MarkdownPipeline Reading { get; } = new MarkdownPipelineBuilder { MaximumNestingDepth = NestingGuard.ParserDepthLimit }
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();
}
