using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Cli.Commands;
using WisCte.Dpi.Waivers;
using WisCte.EdFi;
using WisCte.EdFi.Model;
using WisCte.ScriptedSis;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;

namespace WisCte.Cli.Tests;

/// <summary>
/// `--waivers` on verify and audit, over one sync with a mistake DPI's rule 16.1 catches (a CTE section enrolment
/// without the student's CTE association): waived, the finding is still shown and the verdict passes; without the
/// waiver it fails; an expired or malformed waivers file stops the run, naming the line, and judges nothing.
/// </summary>
public sealed class WaiverTests
{
    private const string ClientId = "waiver-sis";
    private readonly string _secret = "s3cret-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"wiscte-waivers-{Guid.NewGuid():N}");
    private string Journal => Path.Combine(_folder, "journal.ndjson");
    private WisedataSimulator _simulator = null!;

    [OneTimeSetUp]
    public async Task RecordSync()
    {
        Directory.CreateDirectory(_folder);
        _simulator = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient(ClientId, _secret, 48856)], JournalPath = Journal });
        using var http = new HttpClient();
        var plays = new Plays(new ScriptedSisClient(http, _simulator.BaseUrl, ClientId, _secret, new SisBehaviour()));
        var student = await plays.StudentAsync();
        (await plays.SectionAsync(student, "CNA", Plays.Irc)).Status.Should().Be(201);
    }

    [OneTimeTearDown]
    public void Remove()
    {
        _simulator.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Verify_without_a_waiver_fails_on_the_finding()
    {
        var (exitCode, output, _) = await VerifyAsync(null);

        exitCode.Should().Be(1, output);
        output.Should().Contain("WI-L2-16.1").And.NotContain("WAIVED");
    }

    [Test]
    public async Task A_waived_finding_is_shown_as_waived_and_the_verdict_passes()
    {
        // The sync also lacks the status 1.0 expects (CERT-1.0-STATUS): both are waived.
        var waivers = Write("waived.json", """
            [
              { "rule": "WI-L2-16.1", "useCase": "1.0", "reason": "DPI is reviewing rule 16.1 for IRC sections", "approvedBy": "DPI CTE consultant", "expires": "2099-12-31" },
              { "rule": "CERT-1.0-STATUS", "useCase": "1.0", "reason": "statuses are sent at the end of the term", "approvedBy": "DPI CTE consultant", "expires": "2099-12-31" }
            ]
            """);

        var (exitCode, output, bundle) = await VerifyAsync(waivers);

        exitCode.Should().Be(0, output);
        output.Should().Contain("WI-L2-16.1").And.Contain("WAIVED until 2099-12-31 by DPI CTE consultant: DPI is reviewing rule 16.1 for IRC sections");
        var finding = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(bundle, "verdict.json")))!["useCases"]![0]!["findings"]!.AsArray()
            .Single(f => f!["ruleId"]!.GetValue<string>() == "WI-L2-16.1")!;
        finding["waiver"]!["approvedBy"]!.GetValue<string>().Should().Be("DPI CTE consultant");
        (await File.ReadAllTextAsync(Path.Combine(bundle, "report.html"))).Should().Contain("waived until 2099-12-31");
    }

    [Test]
    public async Task A_waiver_of_another_use_case_does_not_apply()
    {
        var waivers = Write("other.json", """
            [
              { "rule": "WI-L2-16.1", "useCase": "7.0", "reason": "r", "approvedBy": "a", "expires": "2099-12-31" },
              { "rule": "CERT-1.0-STATUS", "useCase": "1.0", "reason": "r", "approvedBy": "a", "expires": "2099-12-31" }
            ]
            """);

        (await VerifyAsync(waivers)).ExitCode.Should().Be(1);
    }

    [TestCase("""
        [
          { "rule": "WI-L2-16.1", "reason": "r", "approvedBy": "a", "expires": "2001-01-31" }
        ]
        """, ":2: the waiver of WI-L2-16.1 expired on 2001-01-31", TestName = "An expired waiver stops verify naming its line")]
    [TestCase("""
        [
          { "rule": "WI-L2-16.1", "reason": "r" "approvedBy": "a" }
        ]
        """, ":2: not JSON", TestName = "A malformed waivers file stops verify naming its line")]
    public async Task A_wrong_waivers_file_stops_verify_and_judges_nothing(string text, string message)
    {
        var waivers = Write($"wrong-{Guid.NewGuid():N}.json", text);

        var (exitCode, output, bundle) = await VerifyAsync(waivers);

        exitCode.Should().Be(2, output);
        output.Should().Contain($"--waivers {waivers}{message}").And.NotContain("   at ");
        Directory.Exists(bundle).Should().BeFalse("nothing is judged");
    }

    [Test]
    public async Task Audit_honours_a_waiver_by_rule_and_refuses_an_expired_one()
    {
        var target = new EdFiTarget(new Uri(_simulator.BaseUrl + "/"), ClientId, _secret, new SchoolYear(2026));
        var waived = Write("audit.json", """[ { "rule": "WI-L2-16.1", "reason": "DPI is reviewing rule 16.1", "approvedBy": "DPI data quality", "expires": "2099-12-31" } ]""");
        using var output = new StringWriter();

        var exitCode = await AuditCommand.RunAsync(target, 48856, null, output, TextWriter.Null, waivers: WaiverFile.Load(waived, Certification.Judge.IsKnownRule, DateOnly.FromDateTime(DateTime.Now)));

        exitCode.Should().Be(0, output.ToString());
        output.ToString().Should().Contain("WI-L2-16.1").And.Contain("WAIVED until 2099-12-31 by DPI data quality");

        var expired = Write("audit-expired.json", """[ { "rule": "WI-L2-16.1", "reason": "r", "approvedBy": "a", "expires": "2001-01-31" } ]""");
        using var error = new StringWriter();
        var refused = await AuditCommand.Create(TextWriter.Null, error, _ => null)
            .Parse(["--base-url", _simulator.BaseUrl, "--lea", "48856", "--school-year", "2026", "--client-id", ClientId, "--client-secret", _secret, "--waivers", expired]).InvokeAsync();
        refused.Should().Be(2);
        error.ToString().Should().Contain($"{expired}:1: the waiver of WI-L2-16.1 expired on 2001-01-31");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<(int ExitCode, string Output, string Bundle)> VerifyAsync(string? waivers)
    {
        var bundle = Path.Combine(_folder, $"bundle-{Guid.NewGuid():N}");
        using var output = new StringWriter();
        string[] arguments = ["--journal", Journal, "--use-case", "1.0", "--out", bundle, .. waivers is null ? Array.Empty<string>() : ["--waivers", waivers]];
        var exitCode = await VerifyCommand.Create(output, output).Parse(arguments).InvokeAsync();
        return (exitCode, output.ToString(), bundle);
    }
}
