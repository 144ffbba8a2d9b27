using System.Collections.Immutable;

namespace PaperAtlas.Metadata;

/// <summary>The stored records of an atlas, by paper id. Immutable; built by <see cref="MetadataStore.Load"/>.</summary>
public sealed class PaperMetadataSet
{
    private readonly Dictionary<string, PaperMetadata> _byId;
    private readonly Dictionary<string, string> _fileOf;

    public static PaperMetadataSet Empty { get; } = new([], new Dictionary<string, string>(StringComparer.Ordinal));

    internal PaperMetadataSet(IEnumerable<PaperMetadata> records, IReadOnlyDictionary<string, string> fileOf)
    {
        Records = [.. records.OrderBy(r => r.Id, StringComparer.Ordinal)];
        _byId = Records.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _fileOf = new Dictionary<string, string>(fileOf, StringComparer.Ordinal);
    }

    /// <summary>Every record, ordered by id.</summary>
    public ImmutableArray<PaperMetadata> Records { get; }

    public int Count => Records.Length;

    public PaperMetadata? Find(string paperId) => _byId.GetValueOrDefault(paperId);

    /// <summary>The file (relative to the metadata folder, e.g. <c>1706.03762.yml</c>) a record was read from.</summary>
    internal string? FileOf(string paperId) => _fileOf.GetValueOrDefault(paperId);
}
