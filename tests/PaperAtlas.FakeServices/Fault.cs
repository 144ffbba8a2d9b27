using System.Globalization;

namespace PaperAtlas.FakeServices;

/// <summary>A scripted misbehaviour: the next request to a service gets this instead of its answer.</summary>
public abstract record Fault
{
    /// <summary>429, with <c>Retry-After: N</c> seconds when given.</summary>
    public sealed record TooManyRequests(int? RetryAfterSeconds = null) : Fault;

    /// <summary>A 5xx with the service's error body.</summary>
    public sealed record ServerError(int Status = 500) : Fault;

    /// <summary>The right answer's headers and its first half, then the connection closes.</summary>
    public sealed record Truncated : Fault;

    /// <summary>A 403 whose body repeats the <c>x-api-key</c> it was sent (as a careless proxy might).</summary>
    public sealed record EchoKey : Fault;

    /// <summary>Parses <c>429</c>, <c>429=7</c> (Retry-After 7), <c>500</c>, <c>503</c>, <c>truncated</c>, <c>echo-key</c>.</summary>
    public static Fault Parse(string text) => text switch
    {
        "429" => new TooManyRequests(),
        "truncated" => new Truncated(),
        "echo-key" => new EchoKey(),
        _ when text.StartsWith("429=", StringComparison.Ordinal) => new TooManyRequests(int.Parse(text[4..], CultureInfo.InvariantCulture)),
        _ when int.TryParse(text, CultureInfo.InvariantCulture, out var status) && status >= 500 => new ServerError(status),
        _ => throw new FormatException($"'{text}' is not a fault: 429, 429=SECONDS, 5xx, truncated or echo-key"),
    };
}
