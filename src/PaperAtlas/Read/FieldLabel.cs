using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace PaperAtlas.Read;

/// <summary>What a labelled line of an entry gives: <c>**Title**: …</c>, <c>论文名称：…</c>, <c>Authors: …</c>, <c>简介：…</c>.</summary>
internal enum FieldRole
{
    Title,
    Name,
    Authors,
    Venue,
    Date,
    Note,

    /// <summary>A label for a link (<c>Paper:</c>, <c>论文地址：</c>, <c>Code:</c>): the link says it all.</summary>
    Link,
}

/// <summary>Lines written as <c>label: value</c>, in English and Chinese, and what their labels mean.</summary>
internal static partial class FieldLabel
{
    private static readonly FrozenDictionary<string, FieldRole> Labels = new Dictionary<string, FieldRole>(StringComparer.Ordinal)
    {
        ["title"] = FieldRole.Title, ["papertitle"] = FieldRole.Title, ["papername"] = FieldRole.Title, ["论文名称"] = FieldRole.Title,
        ["论文标题"] = FieldRole.Title, ["论文题目"] = FieldRole.Title, ["标题"] = FieldRole.Title, ["题目"] = FieldRole.Title, ["论文名"] = FieldRole.Title,
        ["名称"] = FieldRole.Title,
        ["nickname"] = FieldRole.Name, ["abbr"] = FieldRole.Name, ["abbreviation"] = FieldRole.Name, ["简称"] = FieldRole.Name, ["缩写"] = FieldRole.Name,
        ["模型"] = FieldRole.Name, ["方法"] = FieldRole.Name, ["model"] = FieldRole.Name, ["method"] = FieldRole.Name,
        ["author"] = FieldRole.Authors, ["authors"] = FieldRole.Authors, ["作者"] = FieldRole.Authors,
        ["venue"] = FieldRole.Venue, ["conference"] = FieldRole.Venue, ["journal"] = FieldRole.Venue, ["publication"] = FieldRole.Venue,
        ["published"] = FieldRole.Venue, ["publishedin"] = FieldRole.Venue, ["会议"] = FieldRole.Venue, ["期刊"] = FieldRole.Venue,
        ["发表"] = FieldRole.Venue, ["发表于"] = FieldRole.Venue, ["来源"] = FieldRole.Venue, ["出处"] = FieldRole.Venue,
        ["date"] = FieldRole.Date, ["year"] = FieldRole.Date, ["time"] = FieldRole.Date, ["日期"] = FieldRole.Date, ["时间"] = FieldRole.Date,
        ["年份"] = FieldRole.Date, ["发表时间"] = FieldRole.Date, ["发布时间"] = FieldRole.Date,
        ["summary"] = FieldRole.Note, ["tldr"] = FieldRole.Note, ["abstract"] = FieldRole.Note, ["note"] = FieldRole.Note, ["notes"] = FieldRole.Note,
        ["description"] = FieldRole.Note, ["comment"] = FieldRole.Note, ["keywords"] = FieldRole.Note, ["contribution"] = FieldRole.Note,
        ["简介"] = FieldRole.Note, ["摘要"] = FieldRole.Note, ["介绍"] = FieldRole.Note, ["备注"] = FieldRole.Note, ["说明"] = FieldRole.Note,
        ["关键词"] = FieldRole.Note, ["贡献"] = FieldRole.Note, ["主要贡献"] = FieldRole.Note, ["核心思想"] = FieldRole.Note, ["笔记"] = FieldRole.Note,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*(?<label>[^:：\n]{1,24}?)\s*[:：]\s*(?<value>.*)$", RegexOptions.Singleline)]
    private static partial Regex LabelledLine();

    /// <summary>What a label means; null for text that is no label.</summary>
    public static FieldRole? Of(string label)
    {
        var key = LinkWords.Key(label);
        return Labels.TryGetValue(key, out var role) ? role : key.Length > 0 && LinkWords.IsLinkWord(key) ? FieldRole.Link : null;
    }

    /// <summary>A line <c>label: value</c> whose label means something; null for any other line.</summary>
    public static (FieldRole Role, string Value)? Split(string line)
    {
        var match = LabelledLine().Match(line);
        return match.Success && Of(match.Groups["label"].Value) is { } role ? (role, match.Groups["value"].Value.Trim()) : null;
    }
}
