using System.Diagnostics;
using System.Reflection;
using System.Xml.Linq;
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
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private static string SpecsAssembly => typeof(RefusedSetupTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SpecsAssembly").Value!;

    [Test]
    public async Task A_scenario_whose_given_is_refused_fails_at_that_step_naming_the_refusal()
    {
        using var endpoint = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient("other-lea-sis", "other-secret-456", 7777)] });
        var directory = Path.Combine(LivingDocOptions.FindRepositoryRoot(AppContext.BaseDirectory)!, "artifacts", "test-results", "refused-setup");
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "test", SpecsAssembly, "--filter", "TestCategory=uc-1.0&Name~retired", "--logger", "trx;LogFileName=" + Path.Combine(directory, "run.trx") })
            start.ArgumentList.Add(argument);
        start.Environment["WISCTE_BASE_URL"] = endpoint.BaseUrl;
        start.Environment["WISCTE_CLIENT_ID"] = "other-lea-sis";
        start.Environment["WISCTE_CLIENT_SECRET"] = "other-secret-456";
        start.Environment["WISCTE_SCHOOL_YEAR"] = "2025-26";
        start.Environment[LivingDocOptions.DirectoryVariable] = Path.Combine(directory, "living-doc");
        start.Environment["REQNROLL_TELEMETRY_ENABLED"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        var log = await output + await error;

        process.ExitCode.Should().NotBe(0, log);
        var result = XDocument.Load(Path.Combine(directory, "run.trx")).Descendants(Trx + "UnitTestResult").Should().ContainSingle(log).Subject;
        ((string)result.Attribute("outcome")!).Should().Be("Failed");
        var message = (string?)result.Descendants(Trx + "Message").FirstOrDefault() ?? "";
        message.Should().Contain("The set-up was refused: the enrolment of").And.Contain("Fictional High School (7525)").And.Contain("403");

        var execution = CucumberReport.Load(Path.Combine(directory, "living-doc", "index.ndjson")).Executions.Should().ContainSingle().Subject;
        execution.ScenarioSteps.Select(s => (s.Text, s.Status)).Should().Equal(
            ("a student enrolled at \"Fictional High School\" in \"Eleventh grade\" for 2025-26", "FAILED"),
            ("the SIS reports the student's participation in the \"Certified\" program \"IRC - Not State Approved\" on the \"Certified Nursing Assistant\" section", "SKIPPED"),
            ("WISEdata refuses it under rule \"WI-L1-DESCRIPTOR-YEAR\"", "SKIPPED"));
        File.ReadAllText(Path.Combine(directory, "run.trx")).Should().NotContain("other-secret-456");
    }
}
