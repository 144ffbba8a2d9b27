namespace PaperAtlas.Graph;

/// <summary>A canonical topic from topics.yml, with its English and Chinese names.</summary>
public sealed record Topic(string Id, string Name, string NameZh, EquatableArray<string> Aliases, string Description);
