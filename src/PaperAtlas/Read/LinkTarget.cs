using System.Text.RegularExpressions;

namespace PaperAtlas.Read;

/// <summary>What a URL points at, as far as papers go.</summary>
/// <param name="ArxivId">The canonical arXiv id, for any of the link forms lists use.</param>
/// <param name="Doi">A DOI found in the URL.</param>
/// <param name="MalformedArxivId">The id text of an arXiv link whose id is not well formed.</param>
/// <param name="OnPaperHost">A proceedings or paper host (NeurIPS, OpenReview, ACL Anthology, a PDF, …).</param>
public sealed partial record LinkTarget(string? ArxivId, string? Doi, string? MalformedArxivId, bool OnPaperHost)
{
    private static readonly LinkTarget Nothing = new(null, null, null, false);

    private static readonly string[] PaperHosts =
    [
        "proceedings.neurips.cc", "papers.nips.cc", "papers.neurips.cc", "openreview.net", "aclanthology.org",
        "openaccess.thecvf.com", "proceedings.mlr.press", "dl.acm.org", "ieeexplore.ieee.org", "link.springer.com",
        "www.semanticscholar.org", "semanticscholar.org", "direct.mit.edu", "jmlr.org", "www.jmlr.org",
    ];

    [GeneratedRegex(@"(?:^|/)(?<doi>10\.[0-9]{4,9}/[^\s?#]+)")]
    private static partial Regex DoiInPath();

    public bool IsPaper => ArxivId is not null || Doi is not null;

    public static LinkTarget Of(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return Nothing;
        }

        var trimmed = url.Trim();
        if (Read.ArxivId.FindInText(trimmed) is { } inText && trimmed.StartsWith("arxiv:", StringComparison.OrdinalIgnoreCase))
        {
            return new LinkTarget(inText, null, null, false);
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return Nothing;
        }

        var host = uri.Host.ToLowerInvariant();
        var path = Uri.UnescapeDataString(uri.AbsolutePath).Trim('/');
        if (host is "arxiv.org" or "www.arxiv.org" or "export.arxiv.org" or "browse.arxiv.org" or "ar5iv.org" or "ar5iv.labs.arxiv.org" or "alphaxiv.org" or "www.alphaxiv.org")
        {
            return FromArxivPath(path);
        }

        if (host is "huggingface.co" && path.StartsWith("papers/", StringComparison.Ordinal))
        {
            return FromIdText(path["papers/".Length..]);
        }

        var doi = host is "doi.org" or "dx.doi.org" ? DoiFrom(path) : DoiAfterMarker(path);
        var onPaperHost = PaperHosts.Contains(host) || path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
        return doi is null && !onPaperHost ? Nothing : new LinkTarget(null, doi, null, onPaperHost);
    }

    private static LinkTarget FromArxivPath(string path)
    {
        var segments = path.Split('/');
        switch (segments[0])
        {
            case "abs" or "pdf" or "html" when segments.Length >= 2:
                var idText = string.Join('/', segments[1..]);
                if (idText.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                {
                    idText = idText[..^4];
                }

                return FromIdText(idText);
            case "ftp" when segments.Length >= 2:
                return FromIdText(Path.GetFileNameWithoutExtension(segments[^1]));
            default:
                return Nothing;
        }
    }

    private static LinkTarget FromIdText(string idText) =>
        Read.ArxivId.TryParse(idText, out var id)
            ? new LinkTarget(id, null, null, true)
            : new LinkTarget(null, null, idText, true);

    private static string? DoiFrom(string path)
    {
        var match = DoiInPath().Match(path);
        return match.Success ? match.Groups["doi"].Value.TrimEnd('.') : null;
    }

    private static string? DoiAfterMarker(string path)
    {
        var marker = path.IndexOf("doi/", StringComparison.OrdinalIgnoreCase);
        if (marker < 0)
        {
            return null;
        }

        // Publisher URLs put the DOI after /doi/ (and sometimes /abs/ or /pdf/) and may add article slugs after it.
        var rest = path[(marker + 4)..];
        foreach (var prefix in new[] { "abs/", "pdf/", "full/" })
        {
            if (rest.StartsWith(prefix, StringComparison.Ordinal))
            {
                rest = rest[prefix.Length..];
            }
        }

        var parts = rest.Split('/');
        return parts.Length >= 2 && parts[0].StartsWith("10.", StringComparison.Ordinal) ? $"{parts[0]}/{parts[1]}" : null;
    }
}
