using PaperAtlas.Diagnostics;

namespace PaperAtlas.Read;

/// <summary>
/// The safety net: every arXiv or DOI link no shape reader claimed becomes a mention (link text as title,
/// enclosing heading as section), and an info diagnostic says the list was read this way.
/// </summary>
internal static class GenericLinkReader
{
    public static int Read(ReadContext context)
    {
        var count = 0;
        SourceLocation? first = null;
        foreach (var placed in context.Blocks)
        {
            foreach (var link in MarkdownText.LinksIn(placed.Block))
            {
                if (context.IsClaimed(link))
                {
                    continue;
                }

                context.Claim(link);
                var target = context.Target(link);
                if (!target.IsPaper)
                {
                    continue;
                }

                var text = link is Markdig.Syntax.Inlines.LinkInline l ? MarkdownText.Plain(l) : "";
                var (title, name) = YearTableReader.TitleOrName(ArxivId.FindInText(text) is null ? text : "");
                var location = context.LocationOf(link);
                first ??= location;
                count++;
                context.Mentions.Add(new PaperMention
                {
                    ListId = context.ListId,
                    SourceFile = context.Document.RelativePath,
                    Location = location,
                    Kind = MentionKind.Generic,
                    Sections = placed.Sections,
                    ArxivId = target.ArxivId,
                    Doi = target.Doi,
                    Title = title,
                    Name = name,
                    Url = MarkdownText.UrlOf(link),
                    Anchor = context.NewAnchor(title ?? name ?? target.ArxivId ?? target.Doi ?? "link"),
                });
            }
        }

        if (first is { } at)
        {
            context.Diagnostics.Info(DiagnosticCodes.UnknownListShape, at,
                $"{count} paper link(s) in this file follow none of the known list shapes; each was read as a paper with its link text as title",
                "to give them names, years and notes, write them as a table, heading list or year table (see CONTRIBUTING.md)");
        }

        return count;
    }
}
