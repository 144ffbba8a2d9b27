using System.Text;
using PaperAtlas.Graph;

namespace PaperAtlas.Render;

/// <summary>BibTeX entries: <c>@misc</c> with arXiv eprint fields, or <c>@article</c> for DOI papers.</summary>
public static class Bibtex
{
    public static string Entry(Paper paper)
    {
        var builder = new StringBuilder();
        var kind = paper.ArxivId is null && paper.Doi is not null ? "article" : "misc";
        builder.Append('@').Append(kind).Append('{').Append(Key(paper)).Append(",\n");
        Field(builder, "title", "{" + Escape(paper.Title) + "}");
        if (!paper.Authors.IsEmpty)
        {
            Field(builder, "author", Escape(string.Join(" and ", paper.Authors)));
        }

        if (paper.Year is { } year)
        {
            Field(builder, "year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (paper.Venue is { } venue)
        {
            Field(builder, "howpublished", Escape(venue));
        }

        if (paper.ArxivId is { } arxiv)
        {
            Field(builder, "eprint", arxiv);
            Field(builder, "archivePrefix", "arXiv");
            Field(builder, "url", $"https://arxiv.org/abs/{arxiv}");
        }
        else if (paper.Doi is { } doi)
        {
            Field(builder, "doi", Escape(doi));
        }
        else if (!paper.Links.IsEmpty && paper.Links[0] is var link)
        {
            Field(builder, "url", link.Url);
        }

        builder.Length -= 2;
        builder.Append("\n}\n");
        return builder.ToString();
    }

    /// <summary>papers.bib: every paper's entry, in id order and separated by a newline, as UTF-8 into a stream.</summary>
    public static void Write(PaperGraph graph, Stream stream)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        for (var i = 0; i < graph.Papers.Length; i++)
        {
            if (i > 0)
            {
                writer.Write('\n');
            }

            writer.Write(Entry(graph.Papers[i]));
        }
    }

    private static string Key(Paper paper)
    {
        var word = TitleWord(paper.Title);
        return $"{word}{paper.Year}{(paper.ArxivId is { } a ? "_" + a.Replace('/', '_').Replace('.', '_') : "")}";
    }

    private static string TitleWord(string title)
    {
        var first = new string(title.TakeWhile(c => !char.IsWhiteSpace(c) && c != ':').Where(char.IsAsciiLetterOrDigit).ToArray());
        return first.Length == 0 ? "paper" : first.ToLowerInvariant();
    }

    private static void Field(StringBuilder builder, string name, string value) =>
        builder.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");

    /// <summary>Braces must balance in BibTeX; special characters are escaped.</summary>
    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '{' or '}' => "",
                '&' => "\\&",
                '%' => "\\%",
                '$' => "\\$",
                '#' => "\\#",
                '_' => "\\_",
                '\\' => "",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
