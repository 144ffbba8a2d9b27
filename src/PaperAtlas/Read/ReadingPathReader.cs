using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PaperAtlas.Read;

/// <summary>Reading paths a list states as a line of arrows between short names, <c>CLIP → LLaMA → LoRA → RLHF/DPO → LLaVA → vLLM</c>.</summary>
internal static class ReadingPathReader
{
    private static readonly string[] Arrows = ["→", "->", "⟶", "➜"];

    public static void Read(ReadContext context)
    {
        foreach (var placed in context.Blocks)
        {
            foreach (var paragraph in placed.Block.Descendants<ParagraphBlock>().Prepend(placed.Block as ParagraphBlock).OfType<ParagraphBlock>())
            {
                ReadParagraph(context, paragraph);
            }
        }
    }

    private static void ReadParagraph(ReadContext context, ParagraphBlock paragraph)
    {
        if (paragraph.Inline is null)
        {
            return;
        }

        var lines = SplitLines(paragraph.Inline);
        for (var i = 0; i < lines.Count; i++)
        {
            var text = string.Concat(lines[i].Select(MarkdownText.Plain));
            var parts = text.Split(Arrows, StringSplitOptions.TrimEntries);
            if (parts.Length < 3)
            {
                continue;
            }

            // "Reading order: CLIP → LLaMA → …" names itself; the label is no step.
            var label = "";
            var colon = parts[0].LastIndexOfAny([':', '：']);
            if (colon >= 0)
            {
                (label, parts[0]) = (parts[0][..colon].Trim(), parts[0][(colon + 1)..].Trim());
            }

            if (!parts.All(IsStepName))
            {
                continue;
            }

            var steps = parts
                .Select(p => p.Split(['/', '、', '+'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToEquatableArray())
                .Where(s => !s.IsEmpty)
                .ToEquatableArray();
            var title = label.Length > 0 ? label
                : i > 0 ? MarkdownText.Collapse(string.Concat(lines[i - 1].Select(MarkdownText.Plain))).TrimEnd(':', '：', ' ')
                : "";
            context.ReadingPaths.Add(new ReadingPathSource(
                context.ListId, title.Length == 0 ? "Reading path" : title, context.LocationOf(lines[i][0]), steps));
        }
    }

    /// <summary>
    /// A step of a stated path is a short name or a few joined by <c>/</c>: "RLHF/DPO", "Llama 3.1". Arrows inside a
    /// sentence ("we go from data → a model that … → deployment, which …") join no such names.
    /// </summary>
    private static bool IsStepName(string part) =>
        part.Length is > 0 and <= 40
        && part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4
        && part.IndexOfAny([',', ';', '，', '；', '。', '!', '?', '！', '？']) < 0
        && !part.Contains(". ", StringComparison.Ordinal);

    private static List<List<Inline>> SplitLines(ContainerInline container)
    {
        var lines = new List<List<Inline>> { new() };
        foreach (var inline in container)
        {
            if (inline is LineBreakInline)
            {
                lines.Add([]);
            }
            else
            {
                lines[^1].Add(inline);
            }
        }

        return lines.Where(l => l.Count > 0).ToList();
    }
}
