using PaperAtlas.Diagnostics;
using PaperAtlas.Read;

namespace PaperAtlas.Normalise;

/// <summary>
/// The topics a mention's headings map to. A heading that has papers under it but maps to no topic is
/// reported once, at the heading. A paper's own heading ("## LoRA") may map to a topic but need not.
/// </summary>
internal sealed class SectionTopics(TopicMatcher matcher, DiagnosticBag diagnostics)
{
    private const string UnmappedBefore = "the section '";
    private const string UnmappedAfter = "' maps to no topic, so its papers get no topic from it";

    private readonly Dictionary<SourceLocation, string?> _cache = [];
    private readonly Lock _gate = new();

    /// <summary>The heading a PA303 names.</summary>
    public static string? HeadingOf(Diagnostic diagnostic) =>
        diagnostic.Message.StartsWith(UnmappedBefore, StringComparison.Ordinal) && diagnostic.Message.EndsWith(UnmappedAfter, StringComparison.Ordinal)
            ? diagnostic.Message[UnmappedBefore.Length..^UnmappedAfter.Length]
            : null;

    public IEnumerable<string> Of(PaperMention mention)
    {
        if (mention.Kind is MentionKind.WorksCited or MentionKind.PaperFile)
        {
            yield break;
        }

        foreach (var section in mention.Sections)
        {
            if (Map(section, reportUnmapped: true) is { } topic)
            {
                yield return topic;
            }
        }

        if (mention.OwnHeading is { } own && Map(own, reportUnmapped: false) is { } ownTopic)
        {
            yield return ownTopic;
        }
    }

    private string? Map(Section section, bool reportUnmapped)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(section.Location, out var cached))
            {
                return cached;
            }

            var topic = matcher.Match(section.Title);
            if (topic is null && reportUnmapped)
            {
                diagnostics.Warning(DiagnosticCodes.UnmappedSection, section.Location, UnmappedBefore + section.Title + UnmappedAfter,
                    "add the heading's text to a topic's `aliases` in content/topics.yml, or add a new topic");
            }

            if (topic is not null || reportUnmapped)
            {
                _cache[section.Location] = topic;
            }

            return topic;
        }
    }
}
