using PaperAtlas.Diagnostics;

namespace PaperAtlas.Read;

/// <summary>A heading of a list, with the numbering and emphasis stripped from its title.</summary>
public sealed record Section(string Title, int Level, SourceLocation Location);
