using WisCte.TestSupport;
using WisCte.EdFi.Model;
using System.Diagnostics;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Dpi;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Hosting;

namespace WisCte.EdFi.Tests;

public sealed class EdFiClientTests
{
    private WisedataSimulator _simulator = null!;

    [OneTimeSetUp]
    public void Start() => _simulator = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient("sis", "sis-secret-42", 48856)] });

    [OneTimeTearDown]
    public void Stop() => _simulator.Dispose();

    [SetUp]
    public void NoFaults() => _simulator.Faults.Clear();

    private sealed class Recorder : IExchangeRecorder
    {
        public List<HttpExchange> Exchanges { get; } = [];

        public void Record(HttpExchange exchange)
        {
            lock (Exchanges)
                Exchanges.Add(exchange);
        }
    }

    private (EdFiClient Client, Recorder Recorder) NewClient(EdFiClientOptions? options = null, TimeProvider? time = null)
    {
        var recorder = new Recorder();
        var target = new EdFiTarget(new Uri(_simulator.BaseUrl + "/"), "sis", "sis-secret-42", new SchoolYear(2026));
        return (new EdFiClient(target, recorder, options ?? new EdFiClientOptions { BaseDelay = TimeSpan.FromMilliseconds(50) }, time), recorder);
    }

    /// <summary>
    /// A clock that never waits: each timer the client asks for fires at once, the time it asked for is kept in order,
    /// and the clock moves on by it. The client's waits are then exact, and the test takes no real time for them.
    /// </summary>
    private static JsonObject Student(string id) => new() { ["studentUniqueId"] = id, ["firstName"] = "Ada", ["lastSurname"] = "Fictional", ["birthDate"] = "2009-02-03" };

    [Test]
    public async Task One_token_serves_every_request_until_it_expires()
    {
        var (client, _) = NewClient();
        using (client)
        {
            for (var i = 0; i < 5; i++)
                (await client.GetAsync("schools")).Status.Should().Be(200);

            client.Tokens.TokensFetched.Should().Be(1);
        }
    }

    [Test]
    public async Task After_a_401_the_client_fetches_a_new_token_and_the_request_succeeds()
    {
        var (client, recorder) = NewClient();
        using (client)
        {
            (await client.GetAsync("schools")).Status.Should().Be(200);
            _simulator.ExpireTokens("sis");

            var response = await client.GetAsync("schools");

            response.Status.Should().Be(200);
            client.Tokens.TokensFetched.Should().Be(2);
            recorder.Exchanges.Select(e => e.Status).Should().ContainInOrder(200, 401, 200);
        }
    }

    [Test]
    public async Task A_503_is_retried_with_growing_delays_until_it_succeeds()
    {
        _simulator.Faults.Add(FaultInjector.Parse("503:POST:students:2"));
        var clock = new InstantClock();
        var (client, recorder) = NewClient(time: clock);
        using (client)
        {
            var response = await client.PostAsync("students", Student("EDFI-RETRY-1"));

            response.Status.Should().Be(201);
            var attempts = recorder.Exchanges.Where(e => e.Method == "POST" && e.Url.EndsWith("/students", StringComparison.Ordinal)).ToList();
            attempts.Select(a => a.Status).Should().Equal(503, 503, 201);
            clock.Waits.Should().Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)], "the delay doubles from BaseDelay: constant delays would fail here");
            attempts.Zip(attempts.Skip(1), (a, b) => b.Started - a.Started).Should().Equal(clock.Waits, "each attempt waits its delay, on the client's clock");
        }
    }

    [Test]
    public async Task A_429_is_retried_after_the_retry_after_it_names()
    {
        _simulator.Faults.Add(FaultInjector.Parse("429:GET:courses:1:retry-after=1"));
        var clock = new InstantClock();
        var (client, _) = NewClient(time: clock);
        using (client)
        {
            var response = await client.GetAsync("courses");

            response.Status.Should().Be(200);
            clock.Waits.Should().Equal([TimeSpan.FromSeconds(1)], "Retry-After: 1 is honoured, not the client's own 50 ms");
        }
    }

    [Test]
    public async Task The_client_gives_up_after_its_retries_and_returns_the_last_answer()
    {
        _simulator.Faults.Add(FaultInjector.Parse("500:GET:sessions:10"));
        var (client, recorder) = NewClient(new EdFiClientOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(10) });
        using (client)
        {
            var response = await client.GetAsync("sessions");

            response.Status.Should().Be(500);
            recorder.Exchanges.Count(e => e.Url.Contains("/sessions", StringComparison.Ordinal)).Should().Be(3);
        }
    }

    [Test]
    public async Task A_4xx_is_not_retried_and_its_problem_details_are_parsed()
    {
        var (client, recorder) = NewClient();
        using (client)
        {
            var response = await client.PostAsync("studentSectionAssociations", new JsonObject { ["beginDate"] = "2025-08-26" });

            response.Status.Should().Be(400);
            response.Problem!.Type.Should().Be("urn:ed-fi:api:bad-request:data-validation-failed");
            response.Problem.Messages.Should().Contain(m => m.StartsWith("$.sectionReference:", StringComparison.Ordinal));
            recorder.Exchanges.Count(e => e.Url.Contains("studentSectionAssociations", StringComparison.Ordinal)).Should().Be(1);
        }
    }

    [Test]
    public async Task Recorded_exchanges_never_carry_the_secret_or_the_token()
    {
        var (client, recorder) = NewClient();
        using (client)
        {
            await client.GetAsync("schools");
            var token = await client.Tokens.GetAsync(CancellationToken.None);

            var text = string.Join("\n", recorder.Exchanges.Select(e =>
                string.Join(" ", e.RequestHeaders.Values) + e.RequestBody + string.Join(" ", e.ResponseHeaders.Values) + e.ResponseBody));
            text.Should().NotContain("sis-secret-42").And.NotContain(token);
            recorder.Exchanges.Should().Contain(e => e.RequestHeaders.GetValueOrDefault("Authorization") == "Bearer ***");
            recorder.Exchanges.Should().Contain(e => e.ResponseBody != null && e.ResponseBody.Contains("\"access_token\":\"***\"", StringComparison.Ordinal));
        }
    }

    [Test]
    public async Task Wrong_credentials_are_an_error_naming_the_client()
    {
        var target = new EdFiTarget(new Uri(_simulator.BaseUrl + "/"), "sis", "wrong", new SchoolYear(2026));
        using var client = new EdFiClient(target);

        var act = () => client.GetAsync("schools");

        (await act.Should().ThrowAsync<EdFiAuthenticationException>()).Which.Message.Should().Contain("'sis'").And.NotContain("wrong");
    }
}
