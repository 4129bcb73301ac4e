using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace WisCte.ScriptedSis;

/// <summary>
/// A SIS written for the tests, on a bare HttpClient, whose wire behaviour is chosen by <see cref="SisBehaviour"/>:
/// by default it reuses one token, renews it after a 401, backs off on 5xx/429/dropped connections (honouring
/// Retry-After, growing delays, at most 4 attempts) and never resends a refused request.
/// </summary>
public sealed class ScriptedSisClient(HttpClient http, string baseUrl, string clientId, string secret, SisBehaviour behaviour, int schoolYear = 2026)
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(600)];
    private string? _token;
    private int _tokenUses;

    private string Prefix => "/" + schoolYear.ToString(CultureInfo.InvariantCulture);

    public async Task<(int Status, string Body, string? Id)> PostAsync(string resource, JsonNode body) =>
        await SendAsync(HttpMethod.Post, $"/data/v3/ed-fi/{resource}", body.ToJsonString());

    public async Task<(int Status, string Body, string? Id)> PutAsync(string resource, string id, JsonNode body) =>
        await SendAsync(HttpMethod.Put, $"/data/v3/ed-fi/{resource}/{id}", body.ToJsonString());

    public async Task<(int Status, string Body, string? Id)> DeleteAsync(string resource, string id) =>
        await SendAsync(HttpMethod.Delete, $"/data/v3/ed-fi/{resource}/{id}", null);

    public async Task<JsonArray> GetAsync(string resource, string query)
    {
        var (status, body, _) = await SendAsync(HttpMethod.Get, $"/data/v3/ed-fi/{resource}?{query}", null);
        return status == 200 ? JsonNode.Parse(body)!.AsArray() : throw new InvalidOperationException($"GET {resource}?{query}: {status} {body}");
    }

    private async Task<(int Status, string Body, string? Id)> SendAsync(HttpMethod method, string path, string? body)
    {
        var attempts = behaviour.RetriesWithoutEnd ? 10 : 4;
        (int Status, string Body, string? Id, TimeSpan? RetryAfter) last = (0, "", null, null);
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            if (attempt > 0)
                await Task.Delay(Wait(attempt, last.RetryAfter));
            last = await OnceAsync(method, path, body);
            if (last.Status == 401)
            {
                if (!behaviour.KeepsRefusedToken)
                    _token = null;
                last = await OnceAsync(method, path, body);
            }
            if (last.Status is >= 400 and < 500 and not 429 && behaviour.ResendsRefusedRequests && attempt == 0)
                continue; // the mistake: try the refused request again
            if (last.Status is not (0 or 429 or >= 500))
                break;
        }
        return (last.Status, last.Body, last.Id);
    }

    private TimeSpan Wait(int attempt, TimeSpan? retryAfter)
    {
        if (behaviour.RetriesAtOnce)
            return TimeSpan.Zero;
        if (behaviour.RetriesWithoutEnd)
            return TimeSpan.FromMilliseconds(110 + (30 * attempt)); // growing, but it never stops
        if (retryAfter is { } wait)
            return behaviour.IgnoresRetryAfter ? TimeSpan.FromMilliseconds(200) : wait + TimeSpan.FromMilliseconds(50);
        return Backoff[Math.Min(attempt - 1, Backoff.Length - 1)] * (attempt > Backoff.Length ? attempt : 1);
    }

    private async Task<(int, string, string?, TimeSpan?)> OnceAsync(HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUrl + Prefix + path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var id = response.Headers.Location?.ToString().Split('/')[^1];
            var retryAfter = response.Headers.RetryAfter?.Delta;
            return ((int)response.StatusCode, text, id, retryAfter);
        }
        catch (HttpRequestException ex)
        {
            return (0, ex.Message, null, null);
        }
    }

    /// <summary>For a drill: the server forgets this SIS's token (as if it expired).</summary>
    public Action ExpireToken { get; set; } = () => { };

    public void ExpireNow() => ExpireToken();

    public async Task<string> TokenAsync()
    {
        var uses = ++_tokenUses;
        if (_token is not null && !behaviour.TokenPerRequest && (behaviour.NewTokenEvery is not { } every || uses % every != 0))
            return _token;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        });
        using var response = await http.PostAsync(new Uri(baseUrl + Prefix + "/oauth/token"), content);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"token: {(int)response.StatusCode}");
        _token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        return _token;
    }
}
