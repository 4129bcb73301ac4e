using WisCte.EdFi.Model;
using WisCte.Journal;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Http;

namespace WisCte.Simulator.Journal;

/// <summary>The one way the simulator makes a journal entry, for an answered request and for a dropped connection alike.</summary>
internal static class JournalRecord
{
    /// <param name="response">The answer; null when the connection was dropped before one.</param>
    public static JournalEntry Of(DateTimeOffset timestamp, SimRequest request, Route route, string? clientId, string correlationId, SimResponse? response, TimeSpan duration) => new()
    {
        Sequence = 0,
        Timestamp = timestamp,
        ClientId = clientId,
        CorrelationId = correlationId,
        SchoolYear = route.Year?.EndYear,
        Method = request.Method.ToUpperInvariant(),
        Path = request.PathAndQuery,
        RequestHeaders = request.Headers.ToDictionary(h => h.Key, h => Masking.Header(h.Key, h.Value), StringComparer.OrdinalIgnoreCase),
        RequestBody = Masking.Body(request.Body),
        Status = response is null || response.Ending == ResponseEnding.DropConnection ? 0 : response.Status,
        ResponseHeaders = response?.Headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        ResponseBody = Masking.Body(response?.Body),
        DurationMs = duration.TotalMilliseconds,
        Fault = response is null ? "drop" : response.InjectedFault,
        TokenFingerprint = TokenOf(request, route, response) is { } token ? Masking.Fingerprint(token) : null,
    };

    /// <summary>The token a token response issued, or the bearer token a request carried.</summary>
    private static string? TokenOf(SimRequest request, Route route, SimResponse? response)
    {
        if (route.Kind == RouteKind.Token)
        {
            if (response is not { Status: 200, Body: { } body })
                return null;
            try
            {
                return System.Text.Json.Nodes.JsonNode.Parse(body)?["access_token"]?.GetValue<string>();
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
            {
                return null; // a proxied endpoint's odd answer: no token to name
            }
        }
        return BearerToken.Parse(request.Header("Authorization")).Token;
    }
}
