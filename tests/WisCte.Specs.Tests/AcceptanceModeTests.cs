using FluentAssertions;
using NUnit.Framework;
using WisCte.Reqnroll.NUnit.Reporting;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;

namespace WisCte.Specs.Tests;

/// <summary>
/// The suite pointed at a base URL, unchanged, as DPI's QA would point it at a WISEdata environment. The "real" endpoint
/// here is a separate simulator serving one school year at its root: the suite must run that year's scenarios, skip the
/// rest saying why, and leave nothing behind.
/// </summary>
[Category("acceptance-mode")]
public sealed class AcceptanceModeTests
{
    [Test]
    public async Task The_suite_runs_unchanged_against_a_base_url_skips_what_it_cannot_and_cleans_up_what_it_made()
    {
        using var endpoint = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient("dpi-qa", "qa-secret-789", 48856)] });
        var directory = SuiteProcess.FreshDirectory("acceptance-mode");
        var before = endpoint.Journal.Count;

        var run = await SuiteProcess.RunAsync(directory, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["WISCTE_BASE_URL"] = endpoint.BaseUrl,
            ["WISCTE_CLIENT_ID"] = "dpi-qa",
            ["WISCTE_CLIENT_SECRET"] = "qa-secret-789",
            ["WISCTE_SCHOOL_YEAR"] = "2025-26",
        });

        run.ExitCode.Should().Be(0, run.Output);
        var results = SuiteProcess.Results(directory);
        results.Should().Contain(r => r.Name.StartsWith("1.0 IRC program", StringComparison.Ordinal) && r.Outcome == "Passed");
        results.Should().Contain(r => r.Name.StartsWith("1.0 Certified program", StringComparison.Ordinal) && r.Outcome == "NotExecuted"
            && r.Message.Contains("the target serves 2025-26", StringComparison.Ordinal));
        results.Should().Contain(r => r.Name.StartsWith("16.1", StringComparison.Ordinal) && r.Outcome == "NotExecuted"
            && r.Message.Contains("needs L2 validation on demand", StringComparison.Ordinal));
        results.Should().NotContain(r => r.Outcome == "Failed");

        var traffic = endpoint.Journal.Query(new Simulator.Journal.JournalQuery(AfterSequence: before));
        var created = traffic.Where(e => e.Method == "POST" && e.Status == 201).Select(e => e.ResponseHeaders["Location"].Split('/')[^1]).ToList();
        created.Should().NotBeEmpty();
        var deleted = traffic.Where(e => e.Method == "DELETE" && e.Status is 204 or 404).Select(e => e.Path.Split('/')[^1]).ToHashSet(StringComparer.Ordinal);
        created.Should().OnlyContain(id => deleted.Contains(id), "every record the run created is deleted by the end of the run");
        traffic.Should().OnlyContain(e => e.ClientId == null || e.ClientId == "dpi-qa");
        File.ReadAllText(SuiteProcess.TrxPath(directory)).Should().NotContain("qa-secret-789");
    }
}
