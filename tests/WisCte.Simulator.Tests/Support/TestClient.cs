using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace WisCte.Simulator.Tests.Support;

/// <summary>A small Ed-Fi client for the tests: gets a token for a school year, then sends JSON.</summary>
public sealed class TestClient(HttpClient http, string baseUrl, string clientId, string secret, int? schoolYear = null)
{
    private string? _token;

    public string Prefix => schoolYear is { } y ? $"/{y}" : "";

    public async Task<string> TokenAsync()
    {
        if (_token is not null)
            return _token;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        });
        using var response = await http.PostAsync(new Uri($"{baseUrl}{Prefix}/oauth/token"), content);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        _token = json["access_token"]?.GetValue<string>() ?? throw new InvalidOperationException($"No token: {json}");
        return _token;
    }

    public Task<ApiResponse> GetAsync(string resource, string? query = null, IDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Get, Data(resource) + (query is null ? "" : "?" + query), null, headers);

    public Task<ApiResponse> PostAsync(string resource, JsonNode body) => SendAsync(HttpMethod.Post, Data(resource), body.ToJsonString());

    public Task<ApiResponse> PostRawAsync(string resource, string body) => SendAsync(HttpMethod.Post, Data(resource), body);

    public Task<ApiResponse> PutAsync(string resource, string id, JsonNode body, IDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Put, Data(resource) + "/" + id, body.ToJsonString(), headers);

    public Task<ApiResponse> DeleteAsync(string resource, string id, IDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Delete, Data(resource) + "/" + id, null, headers);

    /// <summary>A resource (or resource/id) under /data/v3/ed-fi/.</summary>
    public static string Data(string resource) => "data/v3/ed-fi/" + resource;

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body, IDictionary<string, string>? headers = null, bool authenticate = true)
    {
        using var request = new HttpRequestMessage(method, new Uri($"{baseUrl}{Prefix}/{path}"));
        if (authenticate)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        foreach (var (name, value) in headers ?? new Dictionary<string, string>(StringComparer.Ordinal))
            request.Headers.TryAddWithoutValidation(name, value);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return await SendRawAsync(http, request);
    }

    public static async Task<ApiResponse> SendRawAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiResponse(response.StatusCode, headers, await response.Content.ReadAsStringAsync());
    }
}
