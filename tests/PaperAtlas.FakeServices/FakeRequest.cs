namespace PaperAtlas.FakeServices;

/// <summary>One request a fake service received, and when (on the clock the fakes were given).</summary>
/// <param name="Service"><see cref="FakeServices.Arxiv"/> or <see cref="FakeServices.Scholar"/>.</param>
/// <param name="ApiKey">The <c>x-api-key</c> header, when sent.</param>
public sealed record FakeRequest(string Service, string Method, string Path, string Query, string? ApiKey, string? UserAgent, string Body, DateTimeOffset At, int Status)
{
    /// <summary>A query parameter, decoded.</summary>
    public string? Parameter(string name) =>
        Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p[0] == name)
            .Select(p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""))
            .FirstOrDefault();
}
