using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperAtlas.Read;

/// <summary>
/// The words lists write as a link's text or a label in place of a title: <c>[Paper]</c>, <c>[[pdf]]</c>,
/// <c>📖 arXiv</c>, <c>Project Page</c>, <c>论文地址：</c>. Case, brackets, emoji and spaces do not matter.
/// </summary>
internal static partial class LinkWords
{
    [GeneratedRegex(@"(?<![\w.-])(?<word>[\w.-]{1,16})\s*[:：][\s,，;；|/·]*$")]
    private static partial Regex TrailingLabel();

    private static readonly FrozenSet<string> Words = new[]
    {
        "paper", "papers", "pdf", "arxiv", "abs", "abstract", "html", "link", "links", "url", "here", "this", "doi",
        "code", "codes", "github", "gitlab", "git", "repo", "repository", "sourcecode", "officialcode", "implementation",
        "project", "projectpage", "page", "homepage", "website", "web", "site", "blog", "blogpost", "post", "article",
        "demo", "video", "videos", "slides", "slide", "poster", "talk", "dataset", "datasets", "data", "model", "models",
        "modelcard", "weights", "checkpoint", "checkpoints", "huggingface", "hf", "paperpage", "openreview", "acl",
        "aclanthology", "semanticscholar", "pwc", "paperswithcode", "bib", "bibtex", "citation", "cite", "leaderboard",
        "techreport", "report", "technicalreport", "preprint", "official", "source", "download", "more", "details", "readmore",
        "tweet", "twitter", "thread", "discussion", "reddit", "news", "zhihu", "知乎", "微信", "公众号", "解读", "讲解", "翻译",
        "论文", "论文地址", "论文链接", "原文", "原文链接", "链接", "地址", "代码", "代码地址", "代码链接", "项目", "项目地址",
        "项目主页", "主页", "博客", "数据", "数据集", "模型", "演示", "视频", "下载", "文章", "原论文", "全文", "网页",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CodeWords = new[]
    {
        "code", "codes", "github", "gitlab", "git", "repo", "repository", "sourcecode", "officialcode", "implementation", "代码", "代码地址", "代码链接",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="text"/> is a link word rather than a title (empty text counts: a badge or an icon).</summary>
    public static bool IsLinkWord(string text)
    {
        var key = Key(text);
        return key.Length == 0 || Words.Contains(key) || key.All(char.IsAsciiDigit);
    }

    /// <summary>True for the text of a link to code: <c>[code]</c>, <c>Github</c>, <c>代码</c>.</summary>
    public static bool IsCodeWord(string text) => CodeWords.Contains(Key(text));

    /// <summary>
    /// The text without a label at its end (<c>论文地址：</c>, <c>Paper:</c>, <c>- pdf:</c>): what a line says before
    /// the link the label introduces.
    /// </summary>
    public static string WithoutTrailingLabel(string text)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.Length == 0 || trimmed[^1] is not (':' or '：'))
        {
            return trimmed;
        }

        var start = trimmed.Length - 1;
        while (start > 0 && !char.IsWhiteSpace(trimmed[start - 1]) && trimmed[start - 1] is not (',' or '，' or '|' or '(' or '（' or '[' or '】' or ':' or '：'))
        {
            start--;
        }

        var label = trimmed[start..^1];
        return IsLinkWord(label) && label.Length > 0 ? trimmed[..start].TrimEnd() : trimmed;
    }

    /// <summary>
    /// The text without the labels left at its end once the links they introduced are taken out
    /// (<c>Paper: Code:</c>, <c>论文地址：</c>); a label-like word inside a sentence stays.
    /// </summary>
    public static string WithoutLabels(string text)
    {
        var rest = text;
        for (var match = TrailingLabel().Match(rest); match.Success && IsLinkWord(match.Groups["word"].Value); match = TrailingLabel().Match(rest))
        {
            rest = rest[..match.Index];
        }

        return rest;
    }

    /// <summary>Lower-case letters, digits and CJK characters only: what is left when decoration goes.</summary>
    public static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
