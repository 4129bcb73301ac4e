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
/// The suite pointed at a base URL, unchanged, as DPI's QA would point it at a WISEdata environment. The "real" endpoint
/// here is a separate simulator serving one school year at its root: the suite must run that year's scenarios, skip the
/// rest saying why, and leave nothing behind.
/// </summary>
[Category("acceptance-mode")]
public sealed class AcceptanceModeTests
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private static string SpecsAssembly => typeof(AcceptanceModeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SpecsAssembly").Value!;

    [Test]
    public async Task The_suite_runs_unchanged_against_a_base_url_skips_what_it_cannot_and_cleans_up_what_it_made()
    {
        using var endpoint = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient("dpi-qa", "qa-secret-789", 48856)] });
        var directory = Path.Combine(LivingDocOptions.FindRepositoryRoot(AppContext.BaseDirectory)!, "artifacts", "test-results", "acceptance-mode");
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        var before = endpoint.Journal.Count;

        var run = await RunAsync(directory, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["WISCTE_BASE_URL"] = endpoint.BaseUrl,
            ["WISCTE_CLIENT_ID"] = "dpi-qa",
            ["WISCTE_CLIENT_SECRET"] = "qa-secret-789",
            ["WISCTE_SCHOOL_YEAR"] = "2025-26",
            [LivingDocOptions.DirectoryVariable] = Path.Combine(directory, "living-doc"),
        });

        run.ExitCode.Should().Be(0, run.Output);
        var results = XDocument.Load(Path.Combine(directory, "acceptance.trx")).Descendants(Trx + "UnitTestResult")
            .Select(r => (Name: (string)r.Attribute("testName")!, Outcome: (string)r.Attribute("outcome")!, Message: (string?)r.Descendants(Trx + "Message").FirstOrDefault() ?? "")).ToList();
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
        File.ReadAllText(Path.Combine(directory, "acceptance.trx")).Should().NotContain("qa-secret-789");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "test", SpecsAssembly, "--logger", "trx;LogFileName=" + Path.Combine(directory, "acceptance.trx") })
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.Environment["REQNROLL_TELEMETRY_ENABLED"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        return (process.ExitCode, await output + await error);
    }
}
