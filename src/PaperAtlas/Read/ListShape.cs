namespace PaperAtlas.Read;

/// <summary>The four list shapes of DESIGN.md, plus lists that follow none of them.</summary>
public enum ListShape
{
    Unknown,
    Table,
    Headings,
    YearTable,
    Report,
}
