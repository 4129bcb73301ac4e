using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

public sealed class DiscoveryAndHostingTests : SimulatorTestBase
{
    [Test]
    public async Task The_discovery_document_answers_at_the_root_with_the_oauth_and_data_urls()
    {
        var response = await TestClient.SendRawAsync(Http, new HttpRequestMessage(HttpMethod.Get, new Uri(Simulator.BaseUrl + "/")));

        response.Code.Should().Be(200);
        response.Json!["urls"]!["oauth"]!.GetValue<string>().Should().Be(Simulator.BaseUrl + "/oauth/token");
        response.Json!["urls"]!["dataManagementApi"]!.GetValue<string>().Should().Be(Simulator.BaseUrl + "/data/v3/");
        response.Json!["dataModels"]![0]!["version"]!.GetValue<string>().Should().Be("5.2.0");
    }

    [Test]
    public async Task Each_school_year_has_its_own_routes()
    {
        var response = await TestClient.SendRawAsync(Http, new HttpRequestMessage(HttpMethod.Get, new Uri(Simulator.BaseUrl + "/2024")));

        response.Json!["urls"]!["oauth"]!.GetValue<string>().Should().Be(Simulator.BaseUrl + "/2024/oauth/token");
        (await ClientFor(2024).GetAsync("schools")).Code.Should().Be(200);
        (await ClientFor(2019).SendAsync(HttpMethod.Get, "data/v3/ed-fi/schools", null, authenticate: false)).Code.Should().Be(404);
    }

    [Test]
    public async Task A_record_written_in_one_school_year_is_not_in_another()
    {
        var id = NewStudentId();
        (await ClientFor(2025).PostAsync("students", Student(id))).Code.Should().Be(201);
        await EnrolAsync(ClientFor(2025), id, schoolYear: 2025); // a SIS key lists the students enrolled at its schools

        (await ClientFor(2025).GetAsync("students", $"studentUniqueId={id}")).Json!.AsArray().Should().HaveCount(1);
        (await ClientFor(2026).GetAsync("students", $"studentUniqueId={id}")).Json!.AsArray().Should().BeEmpty();
        (await Lea.GetAsync("students", $"studentUniqueId={id}")).Json!.AsArray().Should().BeEmpty("the default routes serve 2025-26");
    }

    [Test]
    public async Task Several_instances_run_side_by_side_on_their_own_ports()
    {
        using var second = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient("lea-client", "lea-secret-123", LeaId)] });
        second.BaseUrl.Should().NotBe(Simulator.BaseUrl);

        var id = NewStudentId();
        (await new TestClient(Http, second.BaseUrl, "lea-client", "lea-secret-123").PostAsync("students", Student(id))).Code.Should().Be(201);
        (await Lea.GetAsync("students", $"studentUniqueId={id}")).Json!.AsArray().Should().BeEmpty();
    }

    [Test]
    public async Task An_unknown_path_is_a_404_problem()
    {
        var response = await TestClient.SendRawAsync(Http, new HttpRequestMessage(HttpMethod.Get, new Uri(Simulator.BaseUrl + "/nothing/here")));

        response.Code.Should().Be(404);
        response.ProblemType.Should().Be("urn:ed-fi:api:not-found");
    }
}
