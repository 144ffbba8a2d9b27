using System.Collections.Concurrent;
using PaperAtlas.Diagnostics;
using PaperAtlas.Incremental;
using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>
/// The topics a mention's headings map to. A heading that has papers under it but maps to no topic is reported once,
/// at the heading. A paper's own heading ("## LoRA") may map to a topic but need not.
/// </summary>
internal sealed class SectionTopics(TopicMatcher matcher, BuildCache? cache)
{
    private const string UnmappedBefore = "the section '";
    private const string UnmappedAfter = "' maps to no topic, so its papers get no topic from it";

    private readonly ConcurrentDictionary<string, string?> _byTitle = new(StringComparer.Ordinal);

    /// <summary>The heading a PA303 names.</summary>
    public static string? HeadingOf(Diagnostic diagnostic) =>
        diagnostic.Message.StartsWith(UnmappedBefore, StringComparison.Ordinal) && diagnostic.Message.EndsWith(UnmappedAfter, StringComparison.Ordinal)
            ? diagnostic.Message[UnmappedBefore.Length..^UnmappedAfter.Length]
            : null;

    public IEnumerable<string> Of(PaperMention mention)
    {
        if (!HasSections(mention))
        {
            yield break;
        }

        foreach (var section in mention.Sections)
        {
            if (Map(section) is { } topic)
            {
                yield return topic;
            }
        }

        if (mention.OwnHeading is { } own && Map(own) is { } ownTopic)
        {
            yield return ownTopic;
        }
    }

    /// <summary>Reports each heading that papers stand under and that maps to no topic, once.</summary>
    public void ReportUnmapped(IEnumerable<PaperMention> mentions, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<SourceLocation>();
        foreach (var section in mentions.Where(HasSections).SelectMany(m => m.Sections))
        {
            if (seen.Add(section.Location) && Map(section) is null)
            {
                diagnostics.Warning(DiagnosticCodes.UnmappedSection, section.Location, UnmappedBefore + section.Title + UnmappedAfter,
                    "add the heading's text to a topic's `aliases` in content/topics.yml, or add a new topic");
            }
        }
    }

    private static bool HasSections(PaperMention mention) => mention.Kind is not (MentionKind.WorksCited or MentionKind.PaperFile);

    private string? Map(Section section) =>
        _byTitle.GetOrAdd(section.Title, title => cache is null ? matcher.Match(title) : cache.HeadingTopic(title, matcher.Match));
}
