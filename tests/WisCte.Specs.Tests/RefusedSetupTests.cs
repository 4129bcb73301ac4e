using FluentAssertions;
using NUnit.Framework;
using WisCte.Reqnroll.NUnit.Reporting;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;

namespace WisCte.Specs.Tests;

/// <summary>
/// A Given arranges what a scenario is about; when WISEdata refuses it, the scenario must fail at that step and say
/// so, not carry on and fail later on a misleading check. Shown through the runner: the suite's own scenario, run by
/// `dotnet test` against an endpoint whose key is for another LEA, so the student's enrolment at Fictional High
/// School is refused (403).
/// </summary>
[Category("acceptance-mode")]
public sealed class RefusedSetupTests
{
    [Test]
    public async Task A_scenario_whose_given_is_refused_fails_at_that_step_naming_the_refusal()
    {
        using var endpoint = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient("other-lea-sis", "other-secret-456", 7777)] });
        var directory = SuiteProcess.FreshDirectory("refused-setup");

        var (exitCode, log) = await SuiteProcess.RunAsync(directory, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["WISCTE_BASE_URL"] = endpoint.BaseUrl,
            ["WISCTE_CLIENT_ID"] = "other-lea-sis",
            ["WISCTE_CLIENT_SECRET"] = "other-secret-456",
            ["WISCTE_SCHOOL_YEAR"] = "2025-26",
        }, filter: "TestCategory=uc-1.0&Name~retired");

        exitCode.Should().NotBe(0, log);
        var (_, outcome, message) = SuiteProcess.Results(directory).Should().ContainSingle(log).Subject;
        outcome.Should().Be("Failed");
        message.Should().Contain("The set-up was refused: the enrolment of").And.Contain("Fictional High School (7525)").And.Contain("403");

        var execution = CucumberReport.Load(Path.Combine(directory, "living-doc", "index.ndjson")).Executions.Should().ContainSingle().Subject;
        execution.ScenarioSteps.Select(s => (s.Text, s.Status)).Should().Equal(
            ("a student enrolled at \"Fictional High School\" in \"Eleventh grade\" for 2025-26", "FAILED"),
            ("the SIS reports the student's participation in the \"Certified\" program \"IRC - Not State Approved\" on the \"Certified Nursing Assistant\" section", "SKIPPED"),
            ("WISEdata refuses it under rule \"WI-L1-DESCRIPTOR-YEAR\"", "SKIPPED"));
        File.ReadAllText(SuiteProcess.TrxPath(directory)).Should().NotContain("other-secret-456");
    }
}
