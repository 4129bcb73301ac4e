using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using WisCte.Simulator.Auth;

namespace WisCte.Simulator.Benchmarks;

/// <summary>
/// One benchmark client with its own token: upsert+get pairs, each a POST of a student (one of
/// <see cref="DistinctStudents"/> natural keys, so the store stays bounded and both 201 and 200 occur) and a GET of
/// the id in its Location header. Any other status stops the run.
/// </summary>
internal sealed class Workload
{
    public const int DistinctStudents = 1000;
    private const string StudentsPath = "/data/v3/ed-fi/students";

    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly string _token;
    private int _next;

    private Workload(HttpClient http, string baseUrl, string token, int firstStudent)
    {
        _http = http;
        _baseUrl = baseUrl;
        _token = token;
        _next = firstStudent;
    }

    /// <summary>Gets a token (POST /oauth/token, form body) for the client; the pairs start at student <paramref name="firstStudent"/>.</summary>
    public static async Task<Workload> StartAsync(HttpClient http, string baseUrl, ApiClient client, int firstStudent)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
        });
        var url = new Uri(baseUrl + "/oauth/token");
        using var response = await http.PostAsync(url, form);
        var body = await response.Content.ReadAsStringAsync();
        Expect("POST", url, response.StatusCode, body, HttpStatusCode.OK);
        var token = JsonNode.Parse(body)?["access_token"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"POST {url} answered 200 without an access_token: {body}");
        return new Workload(http, baseUrl, token, firstStudent);
    }

    /// <summary>
    /// Enrols every student of the workload at the baseline's public school, untimed: the ODS lets a key read a
    /// student only once the student is enrolled in one of the key's schools.
    /// </summary>
    public async Task EnrolStudentsAsync()
    {
        for (var student = 0; student < DistinctStudents; student++)
        {
            var uniqueId = (900_000 + student).ToString(CultureInfo.InvariantCulture);
            await UpsertAsync(student, round: 0);
            await PostAsync("/data/v3/ed-fi/studentSchoolAssociations", new JsonObject
            {
                ["studentReference"] = new JsonObject { ["studentUniqueId"] = uniqueId },
                ["schoolReference"] = new JsonObject { ["schoolId"] = PublicSchool },
                ["entryDate"] = "2025-08-26",
                ["entryGradeLevelDescriptor"] = "uri://ed-fi.org/GradeLevelDescriptor#Ninth grade",
            });
        }
    }

    /// <summary>The baseline's public school of LEA 48856 (fixtures/baseline).</summary>
    private const long PublicSchool = 7525;

    private async Task PostAsync(string path, JsonObject body)
    {
        var url = new Uri(_baseUrl + path);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _http.SendAsync(request);
        Expect("POST", url, response.StatusCode, await response.Content.ReadAsStringAsync(), HttpStatusCode.Created, HttpStatusCode.OK);
    }

    public async Task RunAsync(int pairs)
    {
        for (var i = 0; i < pairs; i++)
        {
            var n = _next++;
            var id = await UpsertAsync(n % DistinctStudents, round: n / DistinctStudents);
            await GetAsync(id);
        }
    }

    /// <summary>POSTs the student; its first name changes every round, so an upsert really updates. Returns the id.</summary>
    private async Task<string> UpsertAsync(int student, int round)
    {
        var uniqueId = (900_000 + student).ToString(CultureInfo.InvariantCulture);
        var json = new JsonObject
        {
            ["studentUniqueId"] = uniqueId,
            ["firstName"] = round % 2 == 0 ? "Bench" : "Mark",
            ["lastSurname"] = "Student" + uniqueId,
            ["birthDate"] = "2008-05-01",
        }.ToJsonString();
        var url = new Uri(_baseUrl + StudentsPath);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Expect("POST", url, response.StatusCode, body, HttpStatusCode.Created, HttpStatusCode.OK);
        var location = response.Headers.Location?.OriginalString
            ?? throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode} without a Location header.");
        return location[(location.LastIndexOf('/') + 1)..];
    }

    private async Task GetAsync(string id)
    {
        var url = new Uri(_baseUrl + StudentsPath + "/" + id);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Expect("GET", url, response.StatusCode, body, HttpStatusCode.OK);
    }

    private static void Expect(string method, Uri url, HttpStatusCode status, string body, params HttpStatusCode[] expected)
    {
        if (!expected.Contains(status))
        {
            throw new InvalidOperationException(
                $"{method} {url} answered {(int)status}, expected {string.Join(" or ", expected.Select(e => (int)e))}: {body}");
        }
    }
}
