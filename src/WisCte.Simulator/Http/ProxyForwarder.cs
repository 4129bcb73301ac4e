using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using WisCte.Simulator.Auth;

namespace WisCte.Simulator.Http;

/// <summary>
/// Proxy mode: every API request is forwarded to a real WISEdata base URL and its answer returned (Location headers
/// rewritten to point back here), so that the exchange is journaled and judged as if the simulator had answered.
/// </summary>
internal sealed class ProxyForwarder(Uri upstream, HttpClient http)
{
    private static readonly string[] HopHeaders = ["Host", "Connection", "Content-Length", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Expect"];
    private readonly ConcurrentDictionary<string, string> _clientOfToken = new(StringComparer.Ordinal);

    public Uri Upstream { get; } = upstream;

    public async Task<(SimResponse Response, string? ClientId)> ForwardAsync(SimRequest request, string correlationId)
    {
        var upstreamBase = Upstream.ToString().TrimEnd('/');
        var uri = new Uri(upstreamBase + request.Path + (request.Query.Count == 0 ? "" : "?" + string.Join('&', request.Query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"))));
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        var contentType = request.Header("Content-Type");
        if (request.Body is { Length: > 0 } body)
        {
            message.Content = new StringContent(body, Encoding.UTF8);
            if (contentType is not null)
                message.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }
        foreach (var (name, value) in request.Headers.Where(h => !HopHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase) && !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            message.Headers.TryAddWithoutValidation(name, value);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (new EdFiProblem(502, "urn:ed-fi:api:bad-gateway", "Bad Gateway", $"The proxied endpoint {Upstream} cannot be reached: {ex.Message}")
                .ToResponse(correlationId), ClientOf(request));
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var headers = response.Headers.Concat(response.Content.Headers)
                .Where(h => !HopHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value).Replace(upstreamBase, request.Origin, StringComparison.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
            var client = ClientOf(request);
            if (request.Path.EndsWith("/oauth/token", StringComparison.OrdinalIgnoreCase) && response.IsSuccessStatusCode && client is not null
                && JsonNode.Parse(text)?["access_token"]?.GetValue<string>() is { } token)
                _clientOfToken[token] = client;
            return (new SimResponse((int)response.StatusCode, headers, text.Length == 0 ? null : text), client);
        }
    }

    /// <summary>Who sent it: the client the upstream token was issued to, or the client id a token request names.</summary>
    public string? ClientOf(SimRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path.EndsWith("/oauth/token", StringComparison.OrdinalIgnoreCase))
            return TokenEndpoint.ClientNamedBy(request);
        return BearerToken.Parse(request.Header("Authorization")).Token is { } token ? _clientOfToken.GetValueOrDefault(token) : null;
    }
}
