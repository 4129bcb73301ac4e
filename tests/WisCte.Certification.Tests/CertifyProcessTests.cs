using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.ScriptedSis;
using WisCte.TestSupport;
using WisCte.Journal;

namespace WisCte.Certification.Tests;

/// <summary>`wiscte certify` and `wiscte verify` as a vendor runs them: a real process, a scripted SIS, a bundle DPI can check.</summary>
[Category("cli")]
public sealed class CertifyProcessTests
{
    private static string NewDirectory(string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"wiscte-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return directory;
    }

    [TestCase(false, 0, TestName = "certify: a correct SIS conforms through the drills, and the bundle's manifest verifies")]
    [TestCase(true, 1, TestName = "certify: a SIS that forgets the CTE association does not conform")]
    public async Task Certify_judges_a_sis_and_leaves_a_checkable_bundle(bool forgetsTheAssociation, int exitCode)
    {
        var bundle = NewDirectory("bundle");
        using var certify = await ListeningWiscte.StartAsync("certify", "--use-case", "1.0", "--school-year", "2026", "--port", "0", "--out", bundle,
            "--client-id", "vendor-sis", "--client-secret", "vendor-s3cret", "--settle", "2", "--timeout", forgetsTheAssociation ? "6" : "120",
            "--drill", "503-first-posts", "--drill", "token-expiry");
        using var http = new HttpClient();
        var plays = new Plays(new ScriptedSisClient(http, certify.BaseUrl, "vendor-sis", "vendor-s3cret", new SisBehaviour()));
        var student = await plays.StudentAsync();
        await plays.SectionAsync(student, "CNA", Plays.Irc);
        if (!forgetsTheAssociation)
            await plays.CteAssociationAsync(student, Plays.Irc);
        var exited = await certify.WaitForExitAsync(TimeSpan.FromSeconds(150));

        var printed = certify.Output;
        exited.Should().Be(exitCode, printed);
        printed.Should().Contain("SCENARIO SHEET").And.Contain("Use case 1.0").And.Contain("token URL:").And.NotContain("vendor-s3cret");
        printed.Should().Contain("judged by: ").And.Contain("CERT-1.0-STATUS-ON-PRIMARY").And.Contain("warnings:  ").And.Contain("WI-L2-6794");
        var verdict = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(bundle, "verdict.json")))!;
        verdict["passed"]!.GetValue<bool>().Should().Be(!forgetsTheAssociation);
        verdict["schoolYear"]!.GetValue<int>().Should().Be(2026);
        verdict["suiteVersion"]!.GetValue<string>().Should().Be(SuiteIdentity.Version).And.MatchRegex(@"^\d+\.\d+\.\d+", "a semantic version");
        verdict["suiteHash"]!.GetValue<string>().Should().Be(SuiteIdentity.Hash);
        if (forgetsTheAssociation)
            verdict["useCases"]![0]!["findings"]!.AsArray().Should().Contain(f => f!["ruleId"]!.GetValue<string>() == "WI-L2-16.1");
        var journal = JournalFile.Read(Path.Combine(bundle, "journal.ndjson")).ToList();
        journal.Should().Contain(e => e.Fault == "503").And.Contain(e => e.Status == 401, "the drills ran");
        (await File.ReadAllTextAsync(Path.Combine(bundle, "journal.ndjson"))).Should().NotContain("vendor-s3cret");
        verdict["rules"]!.AsArray().Should().Contain(r => r!["id"]!.GetValue<string>() == "WI-L2-17.2" && r["severity"]!.GetValue<string>() == "Error"
            && r["source"]!.GetValue<string>().Contains("required", StringComparison.Ordinal));
        var report = await File.ReadAllTextAsync(Path.Combine(bundle, "report.html"));
        report.Should().Contain("Scenario sheet").And.Contain("Rules that apply").And.Contain("CERT-1.0-PARTICIPATION");

        var check = await WiscteProcess.RunProgramAsync("sha256sum", bundle, "-c", "manifest.sha256");
        check.ExitCode.Should().Be(0, check.Output + check.Error);
        check.Output.Should().Contain("verdict.json: OK").And.Contain("journal.ndjson: OK").And.Contain("report.html: OK");
        Directory.Delete(bundle, recursive: true);
    }

    [Test]
    public async Task Verify_judges_a_recorded_journal_offline_and_exits_0_only_when_it_conforms()
    {
        var bundle = NewDirectory("first");
        using (var certify = await ListeningWiscte.StartAsync("certify", "--use-case", "1.0", "--port", "0", "--out", bundle,
            "--client-id", "v", "--client-secret", "s", "--settle", "1", "--timeout", "60"))
        {
            using var http = new HttpClient();
            await new Plays(new ScriptedSisClient(http, certify.BaseUrl, "v", "s", new SisBehaviour())).UseCase1Async();
            await certify.WaitForExitAsync(TimeSpan.FromSeconds(90));
        }
        var journal = Path.Combine(bundle, "journal.ndjson");

        var conforms = await WiscteProcess.RunAsync("verify", "--journal", journal, "--use-case", "1.0", "--out", NewDirectory("verify-ok"));
        var claimsMore = await WiscteProcess.RunAsync("verify", "--journal", journal, "--use-case", "1.0", "--use-case", "15.1", "--out", NewDirectory("verify-more"));
        var badFile = await WiscteProcess.RunAsync("verify", "--journal", Path.Combine(bundle, "report.html"), "--out", NewDirectory("verify-bad"));

        conforms.ExitCode.Should().Be(0, conforms.Output + conforms.Error);
        conforms.Output.Should().Contain("PASS  1.0");
        claimsMore.ExitCode.Should().Be(1, "the journal holds no absence, so 15.1 fails");
        claimsMore.Output.Should().Contain("FAIL  15.1").And.Contain("CERT-15.1-ABSENCE");
        badFile.ExitCode.Should().Be(2);
        (badFile.Output + badFile.Error).Should().Contain("report.html:1: not a journal entry").And.NotContain("   at ");
    }
}
