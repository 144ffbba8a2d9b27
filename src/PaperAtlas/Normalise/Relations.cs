using System.Collections.Immutable;
using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>Edges from paper files' <c>related:</c> and from lists' derived-work bullets.</summary>
internal static class Relations
{
    public static ImmutableArray<Edge> Build(
        ImmutableArray<Paper> papers,
        NameIndex names,
        HashSet<string> ids,
        DiagnosticBag diagnostics)
    {
        var edges = new List<Edge>();
        foreach (var paper in papers)
        {
            foreach (var mention in paper.Mentions)
            {
                if (mention.Kind == MentionKind.DerivedWork && mention.DerivedFrom is { } parentName
                    && names.Find(mention.ListId, parentName) is { } parent && parent != paper.Id)
                {
                    var kind = mention.Name is { } name && !name.StartsWith(parentName, StringComparison.OrdinalIgnoreCase) ? "variant-of" : "extends";
                    edges.Add(new Edge(paper.Id, parent, kind, mention.ListId, mention.Note));
                }

                foreach (var related in mention.Related)
                {
                    var target = ArxivId.TryParse(related.Id, out var arxiv) ? arxiv : related.Id;
                    if (target == paper.Id)
                    {
                        diagnostics.Error(DiagnosticCodes.SelfRelated, related.Location,
                            $"{paper.Id} lists itself as related", "remove this entry from `related`");
                    }
                    else if (!ids.Contains(target))
                    {
                        diagnostics.Error(DiagnosticCodes.UnknownRelated, related.Location,
                            $"related paper '{related.Id}' is not in the atlas",
                            "use the id of a paper in a list or in content/papers/, or add that paper first");
                    }
                    else
                    {
                        edges.Add(new Edge(paper.Id, target, related.Kind, PaperFileReader.ListId, related.Note));
                    }
                }
            }
        }

        return [.. edges.Distinct()
            .OrderBy(e => e.From, StringComparer.Ordinal)
            .ThenBy(e => e.To, StringComparer.Ordinal)
            .ThenBy(e => e.Kind, StringComparer.Ordinal)
            .ThenBy(e => e.Source, StringComparer.Ordinal)];
    }
}
