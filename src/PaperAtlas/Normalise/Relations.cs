using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PaperAtlas.Diagnostics;
using PaperAtlas.Graph;
using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>
/// Edges from paper files' <c>related:</c>, from lists' derived-work bullets, and from a report's
/// cross-references between paper sections ("（详见 3.1.2 节）", "see section 3.1.2").
/// </summary>
internal static partial class Relations
{
    [GeneratedRegex(@"(?:详见|参见|见)\s*第?\s*(?<number>[0-9]+(?:\.[0-9]+)+)\s*节|see (?:also )?section (?<number>[0-9]+(?:\.[0-9]+)+)", RegexOptions.IgnoreCase)]
    private static partial Regex CrossReference();

    [GeneratedRegex(@"^\s*(?<number>[0-9]+(?:\.[0-9]+)+)[.、)]?\s")]
    private static partial Regex SectionNumber();

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
                    var target = related.Target;
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

        edges.AddRange(CrossReferences(papers));

        // Each edge once, by from, to, kind and source; edges alike in those keep the order they were found in.
        var seen = new HashSet<Edge>();
        var sorted = edges.Where(seen.Add).Select((edge, i) => (Edge: edge, Index: i)).ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var order = string.CompareOrdinal(a.Edge.From, b.Edge.From);
            order = order != 0 ? order : string.CompareOrdinal(a.Edge.To, b.Edge.To);
            order = order != 0 ? order : string.CompareOrdinal(a.Edge.Kind, b.Edge.Kind);
            order = order != 0 ? order : string.CompareOrdinal(a.Edge.Source, b.Edge.Source);
            return order != 0 ? order : a.Index.CompareTo(b.Index);
        });
        return [.. sorted.Select(s => s.Edge)];
    }

    /// <summary>
    /// A report section's note that points at another numbered section ("（详见 3.1.2 节）") relates the two
    /// sections' papers. Section numbers are read from the subjects' own headings, per list.
    /// </summary>
    private static IEnumerable<Edge> CrossReferences(ImmutableArray<Paper> papers)
    {
        var sections = papers
            .SelectMany(p => p.Mentions.Where(m => m.Kind == MentionKind.SectionSubject && m.OwnHeading is not null).Select(m => (Paper: p, Mention: m)))
            .ToList();
        var byNumber = new Dictionary<(string List, string Number), string>();
        foreach (var (paper, mention) in sections)
        {
            if (SectionNumber().Match(mention.OwnHeading!.Title) is { Success: true } number)
            {
                byNumber.TryAdd((mention.ListId, number.Groups["number"].Value), paper.Id);
            }
        }

        foreach (var (paper, mention) in sections)
        {
            foreach (Match reference in CrossReference().Matches(mention.Note))
            {
                if (byNumber.TryGetValue((mention.ListId, reference.Groups["number"].Value), out var target) && target != paper.Id)
                {
                    yield return new Edge(paper.Id, target, "related", mention.ListId, reference.Value.Trim());
                }
            }
        }
    }
}
