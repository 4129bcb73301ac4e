using WisCte.EdFi.Model;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Cli.Commands;
using WisCte.Dpi;
using WisCte.EdFi;
using WisCte.ScriptedSis;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Journal;

namespace WisCte.Cli.Tests;

/// <summary>
/// <c>wiscte audit</c> against a simulator holding data a scripted SIS submitted: DPI's L2 rules over what was read,
/// read only, every page, and every way it can fail to audit named.
/// </summary>
[Category("cli")]
public sealed class AuditTests
{
    private const long Lea = WisCte.Dpi.Baseline.DpiBaseline.Lea;
    private const string ClientId = "audit-key";
    private readonly string _secret = "s3cret-" + Guid.NewGuid().ToString("N")[..8];

    [Test]
    public async Task Data_submitted_as_dpi_documents_has_no_errors_and_exits_0()
    {
        using var simulator = StartSimulator();
        var student = await SubmitAsync(simulator, withCteAssociation: true);

        var (exitCode, output, _) = await AuditAsync(simulator);

        exitCode.Should().Be(0, output);
        output.Should().Contain("studentSectionAssociations 1").And.Contain("studentCTEProgramAssociations 1", "the submitted records were read")
            .And.Contain("0 errors").And.NotContain(student + " ").And.NotContain(_secret);
    }

    [Test]
    public async Task A_cte_section_without_the_students_cte_association_is_an_error_and_exits_1()
    {
        using var simulator = StartSimulator();
        var student = await SubmitAsync(simulator, withCteAssociation: false);
        var json = Path.Combine(Path.GetTempPath(), $"wiscte-audit-{Guid.NewGuid():N}.json");

        var (exitCode, output, _) = await AuditAsync(simulator, json: json);

        exitCode.Should().Be(1, output);
        output.Should().MatchRegex(@"ERROR\s+WI-L2-16\.1\s+studentSectionAssociations/\S+: .*" + student).And.Contain("1 errors");
        var findings = JsonNode.Parse(await File.ReadAllTextAsync(json))!;
        findings["conforms"]!.GetValue<bool>().Should().BeFalse();
        findings["findings"]!.AsArray().Select(f => (f!["ruleId"]!.GetValue<string>(), f["studentUniqueId"]!.GetValue<string>()))
            .Should().Equal(("WI-L2-16.1", student));
        File.Delete(json);
    }

    [Test]
    public async Task An_audit_only_reads()
    {
        using var simulator = StartSimulator();
        await SubmitAsync(simulator, withCteAssociation: false);
        var before = simulator.Journal.Count;

        await AuditAsync(simulator);

        var audit = simulator.Journal.Query(new JournalQuery()).Where(e => e.Sequence > before).ToList();
        audit.Should().NotBeEmpty();
        audit.Where(e => e.Method != "GET").Select(e => e.Path).Should().OnlyContain(p => p.EndsWith("/oauth/token", StringComparison.Ordinal), "only the token request is not a GET");
    }

    [Test]
    public async Task Resources_are_read_several_at_a_time_and_reported_in_order()
    {
        // Each resource's first page is held 400 ms: read one after another, no two reads would overlap.
        using var simulator = StartSimulator(
            FaultInjector.Parse("delay:GET:courses:1:delay=400"), FaultInjector.Parse("delay:GET:courseOfferings:1:delay=400"),
            FaultInjector.Parse("delay:GET:studentSchoolAssociations:1:delay=400"));
        await SubmitAsync(simulator, withCteAssociation: true);
        var before = simulator.Journal.Count;

        var (exitCode, output, _) = await AuditAsync(simulator);

        exitCode.Should().Be(0, output);
        output.Should().MatchRegex("Read \\d+ records: courses \\d+, courseOfferings \\d+, studentSchoolAssociations \\d+, studentEducationOrganizationAssociations", "counts in the order the rules list the resources");
        var reads = simulator.Journal.Query(new JournalQuery(AfterSequence: before, Method: "GET"))
            .Select(e => (e.Path, Start: e.Timestamp, End: e.Timestamp.AddMilliseconds(e.DurationMs))).ToList();
        reads.Should().Contain(a => reads.Any(b => b.Path != a.Path && b.Start > a.Start && b.Start < a.End), "a read began while another resource's was under way");
    }

    [Test]
    public async Task Every_page_is_read()
    {
        using var simulator = StartSimulator();
        var students = new List<string>();
        for (var i = 0; i < 5; i++)
            students.Add(await SubmitAsync(simulator, withCteAssociation: false));

        var (exitCode, output, _) = await AuditAsync(simulator, pageSize: 2);

        exitCode.Should().Be(1);
        output.Should().Contain("studentSectionAssociations 5").And.Contain("5 errors");
        foreach (var student in students)
            output.Should().Contain(student);
    }

    [Test]
    public async Task A_read_that_keeps_failing_stops_the_audit_with_exit_2_and_judges_nothing()
    {
        using var simulator = StartSimulator(new FaultRule("grades", "GET", FaultKind.ServerError) { Count = 10 });
        await SubmitAsync(simulator, withCteAssociation: false);

        var (exitCode, output, error) = await AuditAsync(simulator);

        exitCode.Should().Be(2);
        error.Should().Contain("could not read every record: GET grades (offset 0) answered 500").And.Contain("Nothing was judged").And.NotContain("   at ");
        output.Should().NotContain("WI-L2-16.1", "rules over part of the data would mislead");
    }

    [Test]
    public async Task A_read_that_fails_once_is_retried_and_the_audit_completes()
    {
        using var simulator = StartSimulator(new FaultRule("grades", "GET", FaultKind.ServiceUnavailable) { Count = 1 });
        await SubmitAsync(simulator, withCteAssociation: false);

        var (exitCode, output, _) = await AuditAsync(simulator);

        exitCode.Should().Be(1, output);
        output.Should().Contain("WI-L2-16.1");
    }

    [Test]
    public async Task Refused_credentials_and_an_unreachable_endpoint_exit_2_with_a_message()
    {
        using var simulator = StartSimulator();

        var refused = await AuditAsync(simulator, secret: "not-the-secret");
        var unreachable = await RunCommandAsync("--base-url", "http://127.0.0.1:9", "--lea", "48856", "--school-year", "2026", "--client-id", "a", "--client-secret", "b");

        refused.ExitCode.Should().Be(2);
        refused.Error.Should().Contain("refused the client credentials of 'audit-key'").And.Contain("Nothing was judged").And.NotContain("not-the-secret");
        unreachable.ExitCode.Should().Be(2);
        unreachable.Error.Should().Contain("cannot reach http://127.0.0.1:9/").And.NotContain("   at ");
    }

    [TestCase("--base-url", "not a url", "--base-url 'not a url' is not an absolute http(s) URL")]
    [TestCase("--lea", "0", "--lea 0 is not an education organization id")]
    [TestCase("--school-year", "26", "--school-year 26 is not a school year")]
    [TestCase("--year-in-route", "maybe", "--year-in-route 'maybe' should be true or false")]
    [TestCase("--client-id", "", "No client id: give --client-id or set WISCTE_CLIENT_ID")]
    public async Task A_bad_setting_exits_2_naming_it(string option, string value, string message)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--base-url"] = "http://127.0.0.1:9", ["--lea"] = "48856", ["--school-year"] = "2026", ["--client-id"] = "a", ["--client-secret"] = "b",
            [option] = value,
        };

        var (exitCode, _, error) = await RunCommandAsync([.. settings.Where(s => s.Value.Length > 0).SelectMany(s => new[] { s.Key, s.Value })]);

        exitCode.Should().Be(2);
        error.Should().Contain(message);
    }

    private WisedataSimulator StartSimulator(params FaultRule[] faults) =>
        WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient(ClientId, _secret, Lea)], Faults = faults });

    /// <summary>A student enrolled in a CTE (IRC) section, with or without the CTE association DPI's rule 16.1 asks for.</summary>
    private async Task<string> SubmitAsync(WisedataSimulator simulator, bool withCteAssociation)
    {
        using var http = new HttpClient();
        var plays = new Plays(new ScriptedSisClient(http, simulator.BaseUrl, ClientId, _secret, new SisBehaviour()));
        var student = await plays.StudentAsync();
        (await plays.SectionAsync(student, "CNA", Plays.Irc)).Status.Should().Be(201);
        if (withCteAssociation)
            (await plays.CteAssociationAsync(student, Plays.Irc)).Status.Should().Be(201);
        return student;
    }

    private async Task<(int ExitCode, string Output, string Error)> AuditAsync(WisedataSimulator simulator, string? json = null, int pageSize = 500, string? secret = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var target = new EdFiTarget(new Uri(simulator.BaseUrl + "/"), ClientId, secret ?? _secret, new SchoolYear(2026));
        var exitCode = await AuditCommand.RunAsync(target, Lea, json, output, error, pageSize);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The command as the command line parses it, with no credentials in the environment.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AuditCommand.Create(output, error, _ => null).Parse(arguments).InvokeAsync();
        return (exitCode, output.ToString(), error.ToString());
    }
}
