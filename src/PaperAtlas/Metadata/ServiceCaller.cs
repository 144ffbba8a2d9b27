using System.Globalization;
using System.Net;
using Polly;
using Polly.Retry;

namespace PaperAtlas.Metadata;

/// <summary>
/// Asks one service politely: never sooner than <see cref="ServicePace.Spacing"/> after the previous request, and again
/// with backoff (or after the Retry-After the service names) when it answers 429 or 5xx, when the connection breaks, or
/// when the answer is cut short or unreadable. What it prints never holds a secret (the API key), even if a service
/// echoes one back.
/// </summary>
internal sealed class ServiceCaller(string service, HttpClient http, ServicePace pace, TimeProvider time, Action<string> log, IReadOnlyList<string> secrets)
{
    private DateTimeOffset? _lastRequest;

    public string Service => service;

    /// <summary>
    /// Sends the request (made afresh for each attempt) and reads the answer with <paramref name="read"/>, which gets
    /// every status but 429 and 5xx and throws <see cref="MalformedAnswerException"/> (asked again) or
    /// <see cref="RefusedAnswerException"/> (not asked again). A failure after the last attempt is returned, never thrown.
    /// </summary>
    public async Task<ServiceResult<T>> Ask<T>(Func<HttpRequestMessage> request, Func<HttpStatusCode, string, T> read, CancellationToken cancel)
    {
        var pipeline = new ResiliencePipelineBuilder<Attempt<T>> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<Attempt<T>>
            {
                MaxRetryAttempts = pace.Attempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = pace.RetryDelay,
                MaxDelay = pace.MaxDelay,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: MalformedAnswerException or HttpRequestException or IOException } => true,
                    { Exception: OperationCanceledException } => !cancel.IsCancellationRequested,
                    { Result: { } attempt } => attempt.Retryable,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } after
                    ? (TimeSpan?)(after > pace.MaxDelay ? pace.MaxDelay : after)
                    : null),
                OnRetry = args =>
                {
                    log(Redact($"{service}: {Describe(args.Outcome)}; asking again in {Seconds(args.RetryDelay)} (attempt {args.AttemptNumber + 2} of {pace.Attempts})"));
                    return default;
                },
            })
            .Build();
        try
        {
            var last = await pipeline.ExecuteAsync(async token => await Once(request, read, token).ConfigureAwait(false), cancel).ConfigureAwait(false);
            return last.Retryable
                ? ServiceResult<T>.Failed(Redact($"{service} {Describe(Outcome.FromResult(last))} {pace.Attempts} times"))
                : ServiceResult<T>.Answered(last.Value!);
        }
        catch (Exception ex) when (ex is MalformedAnswerException or RefusedAnswerException or HttpRequestException or IOException
            || (ex is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            var times = ex is RefusedAnswerException ? "" : $" ({pace.Attempts} attempts)";
            return ServiceResult<T>.Failed(Redact($"{service}: {Describe(Outcome.FromException<Attempt<T>>(ex))}{times}"));
        }
    }

    private async Task<Attempt<T>> Once<T>(Func<HttpRequestMessage> request, Func<HttpStatusCode, string, T> read, CancellationToken cancel)
    {
        if (_lastRequest is { } last && last + pace.Spacing - time.GetUtcNow() is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait, time, cancel).ConfigureAwait(false);
        }

        _lastRequest = time.GetUtcNow();
        using var message = request();
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancel).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
        var status = response.StatusCode;
        if (status == HttpStatusCode.TooManyRequests || (int)status >= 500)
        {
            return new Attempt<T>(status, response.ReasonPhrase, RetryAfter(response), default);
        }

        if ((int)status is >= 300 and < 400)
        {
            throw new RefusedAnswerException($"answered {(int)status} {response.ReasonPhrase}, pointing to {response.Headers.Location}: give that address instead");
        }

        return new Attempt<T>(status, response.ReasonPhrase, null, read(status, body));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static string Describe<T>(Outcome<Attempt<T>> outcome) => outcome switch
    {
        { Result: { } attempt } => $"answered {(int)attempt.Status} {attempt.Reason}".TrimEnd()
            + (attempt.RetryAfter is { } after ? $" (Retry-After {Seconds(after)})" : ""),
        { Exception: MalformedAnswerException malformed } => $"the answer could not be read: {malformed.Message}",
        { Exception: RefusedAnswerException refused } => refused.Message,
        { Exception: OperationCanceledException } => "did not answer in time",
        { Exception: HttpRequestException { InnerException: IOException cut } } => $"the answer was cut short ({cut.Message})",
        { Exception: HttpRequestException or IOException } => $"the connection failed ({outcome.Exception!.Message})",
        _ => "failed",
    };

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

    private string Redact(string text) =>
        secrets.Where(s => s.Length > 0).Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));

    /// <summary>One attempt's outcome: the status, and the value read from the answer unless the status asks for another try.</summary>
    private sealed record Attempt<T>(HttpStatusCode Status, string? Reason, TimeSpan? RetryAfter, T? Value)
    {
        public bool Retryable => Status == HttpStatusCode.TooManyRequests || (int)Status >= 500;
    }
}

/// <summary>How often a service may be asked, and how many times a request is tried before the fetch gives up on it.</summary>
/// <param name="Spacing">The least time between the starts of two requests (arXiv asks for 3 s).</param>
/// <param name="RetryDelay">The first backoff; each next one doubles, up to <paramref name="MaxDelay"/>.</param>
/// <param name="MaxDelay">The longest wait, also for a Retry-After that names more.</param>
public sealed record ServicePace(TimeSpan Spacing, TimeSpan RetryDelay, TimeSpan MaxDelay, int Attempts)
{
    /// <summary>arXiv's API terms: no more than one request every three seconds.</summary>
    public static ServicePace Arxiv { get; } = new(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120), 5);

    /// <summary>Semantic Scholar: one request a second with a key; without one its shared pool answers 429 often.</summary>
    public static ServicePace SemanticScholar { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120), 5);
}

/// <summary>What a service said, or why it said nothing usable.</summary>
internal sealed record ServiceResult<T>(T? Value, string? Failure)
{
    public static ServiceResult<T> Answered(T value) => new(value, null);

    public static ServiceResult<T> Failed(string why) => new(default, why);
}

/// <summary>The answer arrived but cannot be read (cut short, not the format asked for): worth asking again.</summary>
internal sealed class MalformedAnswerException(string message) : Exception(message);

/// <summary>The service refused the request (4xx): asking again would get the same answer.</summary>
internal sealed class RefusedAnswerException(string message) : Exception(message);
