using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace WisCte.EdFi;

/// <summary>How hard the client tries before giving up.</summary>
public sealed record EdFiClientOptions
{
    /// <summary>Retries after a 429, a 5xx, a timeout or a dropped connection (so at most 1 + this many attempts).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First back-off delay; it doubles each retry. A Retry-After header wins.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>No single wait is longer than this, whatever Retry-After says.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);
}

/// <summary>
/// A client of an Ed-Fi ODS/API (WISEdata): OAuth2 client credentials with one token reused until it expires and
/// renewed after a 401, back-off retries on 429/5xx honouring Retry-After, every attempt recorded, secrets masked.
/// </summary>
public sealed class EdFiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsTokens;

    /// <param name="sharedTokens">A token provider shared with other clients of the same target and year (one token for a whole run); null makes one.</param>
    public EdFiClient(EdFiTarget target, IExchangeRecorder? recorder = null, EdFiClientOptions? options = null, TimeProvider? time = null, TokenProvider? sharedTokens = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
        options ??= new EdFiClientOptions();
        time ??= TimeProvider.System;
        recorder ??= NoRecorder.Instance;

        _ownsTokens = sharedTokens is null;
        // A token client of its own only when no shared provider is given.
        Tokens = sharedTokens ?? new TokenProvider(new HttpClient(Chain(recorder, time, options), disposeHandler: true) { Timeout = options.RequestTimeout }, target, time);
        var authentication = new AuthenticationHandler(Tokens) { InnerHandler = Chain(recorder, time, options) };
        _http = new HttpClient(authentication, disposeHandler: true) { Timeout = options.RequestTimeout };
    }

    public EdFiTarget Target { get; }

    /// <summary>A token provider for a target and year, to share among the clients of a run (it records its token requests nowhere).</summary>
    public static TokenProvider SharedTokens(EdFiTarget target, TimeProvider? time = null) =>
        new(new HttpClient(Chain(NoRecorder.Instance, time ?? TimeProvider.System, new EdFiClientOptions())), target, time ?? TimeProvider.System);

    public TokenProvider Tokens { get; }

    public Task<EdFiResponse> PostAsync(string resource, JsonNode body, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, Resource(resource), body, cancellation: cancellation);

    public Task<EdFiResponse> PutAsync(string resource, string id, JsonNode body, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Put, $"{Resource(resource)}/{id}", body, cancellation: cancellation);

    public Task<EdFiResponse> GetAsync(string resource, string? query = null, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Get, Resource(resource) + (string.IsNullOrEmpty(query) ? "" : "?" + query), null, cancellation: cancellation);

    public Task<EdFiResponse> GetByIdAsync(string resource, string id, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Get, $"{Resource(resource)}/{id}", null, cancellation: cancellation);

    public Task<EdFiResponse> DeleteAsync(string resource, string id, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Delete, $"{Resource(resource)}/{id}", null, cancellation: cancellation);

    /// <summary>Any request under the target's base URL and year prefix; <paramref name="path"/> is relative to /data/v3 unless it starts with '/'.</summary>
    public async Task<EdFiResponse> SendAsync(HttpMethod method, string path, JsonNode? body, IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var uri = path.StartsWith('/') ? new Uri(Target.BaseUrl, Target.YearPrefix + path) : Target.DataUrl(path);
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>(StringComparer.Ordinal))
            request.Headers.TryAddWithoutValidation(name, value);
        using var response = await _http.SendAsync(request, cancellation).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        var responseHeaders = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new EdFiResponse((int)response.StatusCode, responseHeaders, text);
    }

    /// <summary>"students" → "ed-fi/students"; a path with a schema ("wi/…") stays as it is.</summary>
    public static string Resource(string resource) => resource.Contains('/', StringComparison.Ordinal) ? resource : "ed-fi/" + resource;

    private static ResilienceHandler Chain(IExchangeRecorder recorder, TimeProvider time, EdFiClientOptions options)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            // Polly's jitter (decorrelated) can draw a first delay far below BaseDelay (25 ms seen), which is the
            // "retry at once" that certification refuses: plain doubling delays instead.
            UseJitter = false,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldRetryAfterHeader = true,
        };
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
            builder.AddRetry(retry);
        return new ResilienceHandler(builder.Build())
        {
            InnerHandler = new RecordingHandler(recorder, time) { InnerHandler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 } },
        };
    }

    public void Dispose()
    {
        _http.Dispose();
        if (_ownsTokens)
            Tokens.Dispose();
    }
}
