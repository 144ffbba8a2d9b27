namespace PaperAtlas.Read;

/// <summary>What a generic table's column holds, judged from its header (<c>Title</c>, <c>Venue</c>, <c>Date</c>, <c>Code</c>, …).</summary>
internal enum ColumnRole
{
    Other,
    Title,
    Name,
    Link,
    Venue,
    Date,
    Code,
    Authors,
}

internal static class ColumnRoles
{
    // Checked in this order: "Paper Link" is a link column, "Paper" a title column.
    private static readonly (ColumnRole Role, string[] Words)[] Words =
    [
        (ColumnRole.Link, ["link", "url", "pdf", "arxiv", "链接", "地址"]),
        (ColumnRole.Code, ["code", "github", "repo", "代码", "implementation"]),
        (ColumnRole.Authors, ["author", "作者"]),
        (ColumnRole.Venue, ["venue", "conference", "journal", "publication", "published in", "会议", "期刊", "发表"]),
        (ColumnRole.Date, ["date", "year", "time", "日期", "时间", "年份", "年"]),
        (ColumnRole.Title, ["title", "paper", "论文", "标题", "文章", "work"]),
        (ColumnRole.Name, ["name", "model", "method", "abbr", "nickname", "名字", "名称", "模型", "方法", "技术"]),
    ];

    public static ColumnRole[] Of(IReadOnlyList<string> header) => [.. header.Select(Of)];

    private static ColumnRole Of(string header)
    {
        foreach (var (role, words) in Words)
        {
            if (words.Any(w => header.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                return role;
            }
        }

        return ColumnRole.Other;
    }

    public static ColumnRole At(IReadOnlyList<ColumnRole>? roles, int cell) =>
        roles is not null && cell >= 0 && cell < roles.Count ? roles[cell] : ColumnRole.Other;
}
