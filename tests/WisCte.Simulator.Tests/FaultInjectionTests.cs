using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

public sealed class FaultInjectionTests : SimulatorTestBase
{
    protected override SimulatorOptions Options(SimulatorOptions defaults) =>
        defaults with { Faults = [FaultInjector.Parse("503:POST:sessions:1")], RandomSeed = 7 };

    [SetUp]
    public void ClearFaults() => Simulator.Faults.Clear();

    [Test]
    public async Task The_next_n_matching_requests_fail_then_the_service_recovers()
    {
        Simulator.Faults.Add(FaultInjector.Parse("503:POST:students:2"));
        var body = Student(NewStudentId());

        (await Lea.PostAsync("students", body)).Code.Should().Be(503);
        (await Lea.PostAsync("students", body)).Code.Should().Be(503);
        (await Lea.PostAsync("students", body)).Code.Should().Be(201);
        Simulator.Journal.Query().Where(e => e.Fault == "503").Should().HaveCountGreaterThanOrEqualTo(2);
    }

    [Test]
    public async Task A_faulted_token_request_is_journaled_with_the_client_it_names()
    {
        Simulator.Faults.Add(FaultInjector.Parse("503:POST:oauth:1"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "lea-client", ["client_secret"] = "lea-secret-123",
        });

        var response = await Http.PostAsync(new Uri(Simulator.BaseUrl + "/oauth/token"), form);

        ((int)response.StatusCode).Should().Be(503);
        Simulator.Journal.Query().Last(e => e.Fault == "503").ClientId.Should().Be("lea-client", "certification's token rules group requests by client");
    }

    [Test]
    public async Task A_fault_matches_its_resource_and_method_only()
    {
        Simulator.Faults.Add(FaultInjector.Parse("500:POST:students:1"));

        (await Lea.GetAsync("students")).Code.Should().Be(200);
        (await Lea.PostAsync("studentSchoolAssociations", new JsonObject())).Code.Should().Be(400);
        var faulted = await Lea.PostAsync("students", Student(NewStudentId()));
        faulted.Code.Should().Be(500);
        faulted.ProblemType.Should().Be("urn:ed-fi:api:system");
    }

    [Test]
    public async Task A_429_carries_retry_after()
    {
        Simulator.Faults.Add(FaultInjector.Parse("429:GET:schools:1:retry-after=7"));

        var response = await Lea.GetAsync("schools");

        response.Code.Should().Be(429);
        response.Header("Retry-After").Should().Be("7");
    }

    [Test]
    public async Task A_delay_answers_normally_but_late()
    {
        Simulator.Faults.Add(FaultInjector.Parse("delay:GET:schools:1:delay=300"));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await Lea.GetAsync("schools");

        response.Code.Should().Be(200);
        watch.ElapsedMilliseconds.Should().BeGreaterThanOrEqualTo(290);
    }

    [Test]
    public async Task A_dropped_connection_gives_the_client_no_response()
    {
        Simulator.Faults.Add(FaultInjector.Parse("drop:GET:schools:1"));

        var act = () => Lea.GetAsync("schools");

        await act.Should().ThrowAsync<HttpRequestException>();
        (await Lea.GetAsync("schools")).Code.Should().Be(200);
    }

    [Test]
    public async Task A_percentage_fault_fires_on_about_that_share_of_requests()
    {
        Simulator.Faults.Add(FaultInjector.Parse("503:GET:schoolYearTypes:50%"));

        var codes = new List<int>();
        for (var i = 0; i < 60; i++)
            codes.Add((await Lea.GetAsync("schoolYearTypes")).Code);

        codes.Count(c => c == 503).Should().BeInRange(15, 45);
        codes.Should().OnlyContain(c => c == 200 || c == 503);
    }

    [Test]
    public async Task Faults_given_at_start_apply_and_the_admin_api_adds_and_lists_them()
    {
        var started = WisedataSimulator.Start(new SimulatorOptions { Faults = [FaultInjector.Parse("503:POST:students:1")], Clients = [new Auth.ApiClient("c", "s", LeaId)] });
        using (started)
        {
            var client = new TestClient(Http, started.BaseUrl, "c", "s");
            (await client.PostAsync("students", Student(NewStudentId()))).Code.Should().Be(503);
        }

        var add = await Lea.SendAsync(HttpMethod.Post, "../__wiscte/faults".TrimStart('.', '/'), """{"fault": "503:GET:courses:1"}""", authenticate: false);
        add.Code.Should().Be(201, add.Text);
        var list = await Lea.SendAsync(HttpMethod.Get, "__wiscte/faults", null, authenticate: false);
        list.Json!.AsArray().Should().Contain(f => f!["resource"]!.GetValue<string>() == "courses");
        (await Lea.GetAsync("courses")).Code.Should().Be(503);
    }

    [TestCase("503:POST:students", "should read KIND:METHOD:RESOURCE:COUNT")]
    [TestCase("418:POST:students:1", "kind '418' is not one of 500, 503, 429, delay, drop")]
    [TestCase("503:POST:students:many", "'many' is not a count")]
    [TestCase("503:POST:students:1:colour=red", "unknown option 'colour'")]
    public void A_malformed_fault_is_refused_with_a_message_naming_the_problem(string text, string problem)
    {
        var act = () => FaultInjector.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"*{problem}*");
    }

    [Test]
    public async Task The_admin_api_refuses_a_malformed_fault_with_400()
    {
        var response = await Lea.SendAsync(HttpMethod.Post, "__wiscte/faults", """{"fault": "teapot"}""", authenticate: false);

        response.Code.Should().Be(400);
        response.Json!["errors"]![0]!.GetValue<string>().Should().Contain("KIND:METHOD:RESOURCE");
    }
}
