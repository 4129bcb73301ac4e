using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using WisCte.Journal;

namespace WisCte.EdFi;

/// <summary>
/// OAuth2 client credentials: one token, reused until shortly before it expires, renewed on demand (after a 401).
/// It owns the HttpClient it is given, and disposes it.
/// </summary>
public sealed class TokenProvider(HttpClient http, EdFiTarget target, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    /// <summary>How many tokens were fetched: a client that asks for one per request is doing it wrong.</summary>
    public int TokensFetched { get; private set; }

    public async Task<string> GetAsync(CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (_token is not null && time.GetUtcNow() < _expires - Margin)
                return _token;
            return await FetchAsync(cancellation).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets a token the server refused, unless a newer one has replaced it already.</summary>
    public void Invalidate(string token)
    {
        if (_token == token)
            _token = null;
    }

    public void Dispose()
    {
        _gate.Dispose();
        http.Dispose();
    }

    private async Task<string> FetchAsync(CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{target.ClientId}:{target.ClientSecret}")));
        using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new EdFiAuthenticationException($"{target.TokenUrl} refused the client credentials of '{target.ClientId}': {(int)response.StatusCode} {Masking.Body(body)}");
        var json = JsonNode.Parse(body) as JsonObject;
        _token = json?["access_token"]?.GetValue<string>()
                 ?? throw new EdFiAuthenticationException($"{target.TokenUrl} answered without an access_token.");
        var seconds = json["expires_in"] is JsonValue e && e.TryGetValue<long>(out var s) ? s : 3600;
        _expires = time.GetUtcNow().AddSeconds(seconds);
        TokensFetched++;
        return _token;
    }
}

public sealed class EdFiAuthenticationException(string message) : Exception(message);
