using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperAtlas.Diagnostics;
using PaperAtlas.Metadata;

namespace PaperAtlas.Tests.Metadata;

/// <summary>Any text a service may send survives a record's round trip through YAML (FsCheck; fixed replay seed).</summary>
public sealed class MetadataYamlProperties
{
    private static readonly string[] Pieces =
    [
        "a", "Attention", " ", "  ", ":", ": ", "#", " #", "-", "- ", "\"", "'", "\\", "\\n", "{", "}", "[", "]", ",", ">", "|", "!", "&", "*",
        "%", "@", "`", "null", "~", "yes", "no", "1e5", "0x1F", "2017-06-12", "中文", "Łukasz", "😀", "$O(n^2)$", "\u00a0", "\u2028", "\t", "\n",
        "---", "...", new string('w', 130),
    ];

    private static Gen<string> ServiceText => Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts));

    [Property(MaxTest = 300, Replay = "(20261205,17)")]
    public Property Any_cleaned_text_reads_back_exactly_from_every_field_it_is_written_to() =>
        Prop.ForAll(ServiceText.ToArbitrary(), ServiceText.ToArbitrary(), (a, b) =>
        {
            var title = MetadataText.Clean(a) ?? "t";
            var text = MetadataText.Clean(b);
            var record = new PaperMetadata("1706.03762",
                new ArxivRecord(title, [title, text ?? "x"], text, new DateOnly(2017, 6, 12), text, null, text),
                new ScholarRecord(text, text, [title], 2017, text, 3, null, null, []),
                default);
            var diagnostics = new DiagnosticBag();
            var read = MetadataYaml.Read("content/metadata/1706.03762.yml", MetadataYaml.Write(record), diagnostics);
            return (read == record && diagnostics.ToSortedList().Count == 0).ToProperty();
        });
}
