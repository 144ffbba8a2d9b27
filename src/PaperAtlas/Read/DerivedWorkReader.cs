using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PaperAtlas.Read;

/// <summary>
/// "Derived work" bullets that follow a list (<c>**衍生工作推荐**</c>: <c>**LLaVA-1.5**：[arXiv:…]</c>,
/// <c>**DPO变种**</c> → <c>IPO ([arXiv:…])</c>): each becomes a mention that names the entry it builds on.
/// </summary>
internal static class DerivedWorkReader
{
    private static readonly string[] DerivedLabels = ["衍生", "derived", "follow-up", "follow up", "variants", "变种", "变体", "extensions"];
    private static readonly string[] FamilySuffixes = ["变种", "变体", "系列", " variants", " family", " extensions"];

    public static void Read(ReadContext context)
    {
        foreach (var placed in context.Blocks)
        {
            foreach (var item in placed.Block.Descendants<ListItemBlock>().ToList())
            {
                if (IsDerivedLabel(LabelOf(item)) && item.OfType<ListBlock>().FirstOrDefault() is { } nested)
                {
                    ReadItems(context, nested, placed, parent: null);
                }
            }
        }
    }

    private static void ReadItems(ReadContext context, ListBlock list, PlacedBlock placed, string? parent)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var label = LabelOf(item);
            var paragraph = item.OfType<ParagraphBlock>().FirstOrDefault();
            var link = MarkdownText.Links(paragraph?.Inline).FirstOrDefault(l => !context.IsClaimed(l) && context.Target(l).IsPaper);
            if (link is null)
            {
                if (item.OfType<ListBlock>().FirstOrDefault() is { } family)
                {
                    ReadItems(context, family, placed, FamilyName(label));
                }

                continue;
            }

            context.Claim(link);
            context.Claim(item);
            var target = context.Target(link);
            var parentName = parent ?? LongestEntryPrefix(context, label);
            var parentMention = context.Mentions.FirstOrDefault(m => m.Kind == MentionKind.Entry && string.Equals(m.Name, parentName, StringComparison.OrdinalIgnoreCase));
            var text = MarkdownText.Plain(paragraph!);
            var linkText = link is LinkInline l ? MarkdownText.Plain(l) : "";
            var note = MarkdownText.Without(MarkdownText.Without(text, linkText), label)
                .Trim().Trim('(', ')', '（', '）', ':', '：', ' ');
            context.Mentions.Add(new PaperMention
            {
                ListId = context.ListId,
                SourceFile = context.Document.RelativePath,
                Location = context.LocationOf(link),
                Kind = MentionKind.DerivedWork,
                Sections = parentMention?.Sections ?? placed.Sections,
                ArxivId = target.ArxivId,
                Doi = target.Doi,
                Name = label.Length == 0 ? null : label,
                Url = MarkdownText.UrlOf(link),
                Note = note,
                DerivedFrom = parentName,
                Anchor = context.NewAnchor(label.Length == 0 ? linkText : label),
            });
        }
    }

    /// <summary>The item's leading name: its bold label, or the text before a bracket or colon.</summary>
    private static string LabelOf(ListItemBlock item)
    {
        if (item.OfType<ParagraphBlock>().FirstOrDefault() is not { Inline: { } inline })
        {
            return "";
        }

        if (inline.FirstChild is EmphasisInline strong)
        {
            return MarkdownText.Plain(strong).Trim().TrimEnd(':', '：');
        }

        var text = inline.FirstChild is LiteralInline literal ? literal.Content.ToString() : "";
        var cut = text.IndexOfAny(['(', '（', ':', '：', '[']);
        return (cut >= 0 ? text[..cut] : text).Trim();
    }

    private static bool IsDerivedLabel(string label) =>
        DerivedLabels.Any(d => label.Contains(d, StringComparison.OrdinalIgnoreCase));

    private static string? FamilyName(string label)
    {
        foreach (var suffix in FamilySuffixes)
        {
            if (label.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return label[..^suffix.Length].Trim();
            }
        }

        return null;
    }

    /// <summary>"LLaVA-1.5" builds on "LLaVA": the longest entry name the derived name starts with.</summary>
    private static string? LongestEntryPrefix(ReadContext context, string label) =>
        context.Mentions
            .Where(m => m.Kind == MentionKind.Entry && m.Name is { Length: > 1 } && !string.Equals(m.Name, label, StringComparison.OrdinalIgnoreCase)
                        && label.StartsWith(m.Name, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Name)
            .MaxBy(n => n!.Length);
}
