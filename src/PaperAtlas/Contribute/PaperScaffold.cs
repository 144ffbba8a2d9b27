using System.Globalization;
using System.Text;
using PaperAtlas.Graph;
using PaperAtlas.Read;

namespace PaperAtlas.Contribute;

/// <summary>
/// <c>atlas new</c>: the text of a new paper file for an arXiv id or URL, with no network. Year and month come
/// from the id; what the lists already say about the paper (title, topics, nicknames) is filled in.
/// </summary>
public static class PaperScaffold
{
    public sealed record Result(string? Path, string? Text, string? Error);

    public static Result Create(string idOrUrl, string contentPath, PaperGraph graph)
    {
        var input = idOrUrl.Trim();
        var id = ArxivId.TryParse(input, out var parsed) ? parsed : LinkTarget.Of(input).ArxivId ?? ArxivId.FindInText(input);
        if (id is null)
        {
            return new Result(null, null,
                $"'{input}' is not an arXiv id or arXiv URL; use e.g. 2501.12948 or https://arxiv.org/abs/2501.12948");
        }

        var fileName = id.Replace('/', '-') + ".md";
        var path = System.IO.Path.Combine(contentPath, "papers", fileName);
        var known = graph.Find(id);
        var existing = known?.Mentions.FirstOrDefault(m => m.Kind == MentionKind.PaperFile)?.File;
        if (existing is not null || File.Exists(path))
        {
            return new Result(null, null, $"paper {id} already has a paper file: {existing ?? path}; edit that file instead");
        }

        return new Result(path, Text(id, known), null);
    }

    private static string Text(string id, Paper? known)
    {
        var (year, month) = ArxivId.DateOf(id);
        var title = known?.Title ?? $"{PaperFileReader.Todo}: the paper's title, as on arXiv";
        var topics = known is null || known.Topics.IsEmpty ? "[]" : $"[{string.Join(", ", known.Topics)}]";
        var aliases = known is null || known.Aliases.IsEmpty ? "[]" : $"[{string.Join(", ", known.Aliases.Select(Quote))}]";
        var builder = new StringBuilder();
        builder.Append("---\n");
        builder.Append(CultureInfo.InvariantCulture, $"# Paper file for arXiv {id}. Fill in what you know, then run `atlas check`.\n");
        builder.Append(CultureInfo.InvariantCulture, $"id: \"{id}\"\n");
        builder.Append(CultureInfo.InvariantCulture, $"title: {Quote(title)}\n");
        builder.Append("authors: []          # e.g. [Edward J. Hu, Yelong Shen]\n");
        builder.Append(CultureInfo.InvariantCulture, $"year: {year}           # from the arXiv id\n");
        builder.Append(CultureInfo.InvariantCulture, $"month: {month}\n");
        builder.Append(CultureInfo.InvariantCulture, $"topics: {topics}           # topic ids from content/topics.yml, e.g. [peft, alignment]\n");
        builder.Append(CultureInfo.InvariantCulture, $"aliases: {aliases}          # nicknames readers search for, e.g. [LoRA]\n");
        builder.Append("links:\n");
        builder.Append(CultureInfo.InvariantCulture, $"  abs: https://arxiv.org/abs/{id}\n");
        builder.Append(CultureInfo.InvariantCulture, $"  pdf: https://arxiv.org/pdf/{id}\n");
        builder.Append("related: []          # e.g. - {id: \"2305.18290\", kind: extends}  (extends, variant-of, improves, uses, surveys, compares-with)\n");
        builder.Append("---\n");
        builder.Append("Your notes on the paper, in Markdown: why read it, what it shows, how it relates to others.\n");
        return builder.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
