using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

public sealed class OAuthTests : SimulatorTestBase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));

    protected override SimulatorOptions Options(SimulatorOptions defaults) => defaults with { Time = _time, TokenLifetime = TimeSpan.FromMinutes(30) };

    private Task<ApiResponse> TokenRequestAsync(string? contentType, string body, string? authorization = null, string path = "/oauth/token")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Simulator.BaseUrl + path))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        if (contentType is not null)
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return TestClient.SendRawAsync(Http, request);
    }

    private const string Form = "application/x-www-form-urlencoded";

    [Test]
    public async Task A_form_body_with_valid_credentials_gets_a_bearer_token_with_the_configured_lifetime()
    {
        var response = await TokenRequestAsync(Form, "grant_type=client_credentials&client_id=lea-client&client_secret=lea-secret-123");

        response.Code.Should().Be(200);
        response.Json!["token_type"]!.GetValue<string>().Should().Be("bearer");
        response.Json!["expires_in"]!.GetValue<long>().Should().Be(1800);
        response.Json!["access_token"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f]{32}$");
    }

    [Test]
    public async Task Basic_credentials_and_a_json_body_are_accepted_too()
    {
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("lea-client:lea-secret-123"));
        (await TokenRequestAsync(Form, "grant_type=client_credentials", basic)).Code.Should().Be(200);
        (await TokenRequestAsync("application/json", """{"grant_type":"client_credentials","client_id":"lea-client","client_secret":"lea-secret-123"}""")).Code.Should().Be(200);
    }

    [TestCase("grant_type=client_credentials&client_id=lea-client&client_secret=wrong", 401, "invalid_client", TestName = "A wrong secret is 401 invalid_client")]
    [TestCase("grant_type=client_credentials&client_id=nobody&client_secret=x", 401, "invalid_client", TestName = "An unknown client is 401 invalid_client")]
    [TestCase("grant_type=client_credentials&client_id=lea-client", 401, "invalid_request", TestName = "A missing secret is 401 invalid_request")]
    [TestCase("grant_type=password&client_id=lea-client&client_secret=lea-secret-123", 400, "unsupported_grant_type", TestName = "Another grant type is 400 unsupported_grant_type")]
    [TestCase("grant_type=client_credentials&client_id=lea-client&client_secret=lea-secret-123&scope=12345", 400, "invalid_scope", TestName = "A scope outside the client's LEA is 400 invalid_scope")]
    public async Task Bad_token_requests_get_the_odss_oauth_errors(string body, int status, string error)
    {
        var response = await TokenRequestAsync(Form, body);

        response.Code.Should().Be(status);
        response.Json!["error"]!.GetValue<string>().Should().Be(error);
    }

    [Test]
    public async Task Basic_credentials_with_credentials_in_the_body_too_is_400_invalid_client()
    {
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("lea-client:lea-secret-123"));
        var response = await TokenRequestAsync(Form, "grant_type=client_credentials&client_id=lea-client&client_secret=lea-secret-123", basic);

        response.Code.Should().Be(400);
        response.Json!["error"]!.GetValue<string>().Should().Be("invalid_client");
    }

    [Test]
    public async Task A_token_request_without_content_type_is_415()
    {
        var response = await TokenRequestAsync(null, "grant_type=client_credentials");

        response.Code.Should().Be(415);
        response.ProblemType.Should().Be("urn:ed-fi:api:unsupported-media-type");
    }

    [Test]
    public async Task A_data_request_without_a_valid_token_is_401_with_the_reason()
    {
        async Task<ApiResponse> With(string? authorization)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Simulator.BaseUrl + "/data/v3/ed-fi/students"));
            if (authorization is not null)
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            return await TestClient.SendRawAsync(Http, request);
        }

        var cases = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Authorization header is missing."] = null,
            ["Unknown Authorization header scheme."] = "Token abc",
            ["Missing Authorization header bearer token value."] = "Bearer",
            ["Invalid Authorization header."] = "Bearer a b",
            ["Invalid token"] = "Bearer 0123456789abcdef0123456789abcdef",
        };
        foreach (var (error, header) in cases)
        {
            var response = await With(header);
            response.Code.Should().Be(401, error);
            response.Header("Content-Type").Should().StartWith("application/problem+json");
            response.ProblemType.Should().Be("urn:ed-fi:api:security:authentication");
            response.Json!["errors"]![0]!.GetValue<string>().Should().Be(error);
        }
    }

    [Test]
    public async Task A_token_works_until_it_expires_then_is_an_invalid_token()
    {
        var client = ClientFor(null);
        (await client.GetAsync("students")).Code.Should().Be(200);

        _time.Advance(TimeSpan.FromMinutes(31));
        var expired = await client.GetAsync("students");

        expired.Code.Should().Be(401);
        expired.Json!["errors"]![0]!.GetValue<string>().Should().Be("Invalid token");
    }

    [Test]
    public async Task A_token_is_for_one_school_year()
    {
        var for2025 = ClientFor(2025);
        var token = await for2025.TokenAsync();
        (await for2025.GetAsync("students")).Code.Should().Be(200);

        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Simulator.BaseUrl + "/2026/data/v3/ed-fi/students"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await TestClient.SendRawAsync(Http, request)).Code.Should().Be(401);
    }
}
