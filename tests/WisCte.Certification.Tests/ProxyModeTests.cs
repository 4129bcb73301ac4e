using WisCte.EdFi.Model;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Certification.UseCases;
using WisCte.Dpi;
using WisCte.ScriptedSis;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Hosting;

namespace WisCte.Certification.Tests;

/// <summary>Proxy mode: the SIS talks to a real WISEdata through the recorder; the same judgement runs on the recording.</summary>
public sealed class ProxyModeTests
{
    [TestCase(false, TestName = "Proxy mode: a correct SIS's traffic reaches the real endpoint and is judged conforming")]
    [TestCase(true, TestName = "Proxy mode: a SIS's mistake is caught on the recording")]
    public async Task The_recording_proxy_forwards_and_the_judgement_runs_on_what_it_recorded(bool mistake)
    {
        using var wisedata = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient("real-key", "real-secret", 48856)] });
        using var recorder = WisedataSimulator.Start(new SimulatorOptions { ProxyTo = new Uri(wisedata.BaseUrl + "/") });
        using var http = new HttpClient();
        var sis = new ScriptedSisClient(http, recorder.BaseUrl, "real-key", "real-secret", new SisBehaviour());
        var plays = new Plays(sis);

        if (mistake)
            await Mistakes.Named("posts a child before its parent").Play(plays);
        else
            await plays.UseCase1Async();

        var recorded = recorder.Journal.Query();
        recorded.Should().NotBeEmpty().And.OnlyContain(e => e.ClientId == "real-key" || e.ClientId == null);
        wisedata.Journal.Query().Where(e => e.Method == "POST" && e.Path.Contains("/data/", StringComparison.Ordinal)).Select(e => e.RequestBody)
            .Should().BeEquivalentTo(recorded.Where(e => e.Method == "POST" && e.Path.Contains("/data/", StringComparison.Ordinal)).Select(e => e.RequestBody),
                "what was recorded is what reached the real endpoint");
        string.Join("\n", recorded.Select(e => e.RequestBody + e.ResponseBody)).Should().NotContain("real-secret");
        var verdict = Judge.Run(recorded, [UseCaseCatalog.Find("1.0")!], new SchoolYear(2026));
        verdict.Passed.Should().Be(!mistake, string.Join(" | ", verdict.Findings));
        if (mistake)
            verdict.Findings.Should().Contain(f => f.RuleId == "CERT-PARENT-FIRST");
    }

    [Test]
    public async Task A_dropped_request_is_journaled_with_its_client_so_its_retry_is_recognised()
    {
        using var wisedata = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient("real-key", "real-secret", 48856)] });
        using var recorder = WisedataSimulator.Start(new SimulatorOptions { ProxyTo = new Uri(wisedata.BaseUrl + "/"), Faults = [FaultInjector.Parse("drop:POST:students:1")] });
        using var http = new HttpClient();

        await new Plays(new ScriptedSisClient(http, recorder.BaseUrl, "real-key", "real-secret", new SisBehaviour())).StudentAsync();

        var posts = recorder.Journal.Query().Where(e => e.Method == "POST" && e.Path.EndsWith("/students", StringComparison.Ordinal)).ToList();
        posts.Select(e => (e.Fault, e.ClientId)).Should().Equal(("drop", "real-key"), (null, "real-key"));
    }

    [Test]
    public async Task An_unreachable_real_endpoint_is_a_502_naming_it()
    {
        using var recorder = WisedataSimulator.Start(new SimulatorOptions { ProxyTo = new Uri("http://127.0.0.1:9/") });
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(recorder.BaseUrl + "/data/v3/ed-fi/students"));

        ((int)response.StatusCode).Should().Be(502);
        (await response.Content.ReadAsStringAsync()).Should().Contain("http://127.0.0.1:9/").And.Contain("cannot be reached");
    }
}
