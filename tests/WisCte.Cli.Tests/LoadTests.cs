using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Cli.Commands;
using WisCte.EdFi;
using WisCte.EdFi.Model;
using WisCte.ReferenceSis.Load;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Hosting;

namespace WisCte.Cli.Tests;

/// <summary>
/// <c>wiscte load</c>: a correct district sync against a simulator. What it prints matches the simulator's journal,
/// retries included; it never deletes; it refuses an endpoint that is not this machine's unless told it is the user's.
/// </summary>
[Category("cli")]
public sealed partial class LoadTests
{
    private const string ClientId = "load-key";
    private readonly string _secret = "s3cret-" + Guid.NewGuid().ToString("N")[..8];

    [Test]
    public async Task The_summary_counts_what_the_journal_recorded_retries_included()
    {
        using var simulator = WisedataSimulator.Start(new SimulatorOptions
        {
            Clients = [new ApiClient(ClientId, _secret, 48856)],
            Faults = [new FaultRule("grades", "POST", FaultKind.ServiceUnavailable) { Count = 3 }],
        });
        var sync = new DistrictSync(new SchoolYear(2026), new DistrictMix(Sections: 2, Grades: true, Attendance: 2));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await LoadCommand.RunAsync(Target(simulator.BaseUrl), sync, students: 40, workers: 4, output, error);

        exitCode.Should().Be(0, output + error.ToString());
        var journal = simulator.Journal.Query();
        var data = journal.Where(e => e.Path.Contains("/data/v3/", StringComparison.Ordinal)).ToList();
        data.Should().HaveCount(40 * sync.Mix.RequestsPerStudent + 3, "every record once, and the three 503s retried").And.OnlyContain(e => e.Method == "POST");
        var text = output.ToString();
        text.Should().Contain($"Sent {data.Count:N0} requests (and {journal.Count(e => e.Path.EndsWith("/oauth/token", StringComparison.Ordinal))} token requests) for 40 students");
        foreach (var status in data.GroupBy(e => e.Status))
            text.Should().MatchRegex($@"Statuses: .*\b{status.Key} {status.Count():N0}\b");
        text.Should().Contain("Every record was accepted.").And.MatchRegex(@"latency p50 \d+\.\d ms, p95 \d+\.\d ms").And.NotContain(_secret);
        Percent().Matches(text).Select(m => m.Groups["percent"].Value).Should().EndWith("100", "progress is reported to the end");
    }

    [Test]
    public async Task A_record_still_refused_after_the_retries_is_counted_and_exits_1()
    {
        using var simulator = WisedataSimulator.Start(new SimulatorOptions
        {
            Clients = [new ApiClient(ClientId, _secret, 48856)],
            Faults = [new FaultRule("studentCTEProgramAssociations", "POST", FaultKind.ServerError) { Count = 5 }],
        });
        using var output = new StringWriter();

        var exitCode = await LoadCommand.RunAsync(Target(simulator.BaseUrl), new DistrictSync(new SchoolYear(2026), new DistrictMix()), 2, 1, output, TextWriter.Null);

        exitCode.Should().Be(1, output.ToString());
        output.ToString().Should().Contain("1 records were not accepted after retries").And.MatchRegex(@"Statuses: 201 9, 500 5\.");
    }

    [Test]
    public async Task Refused_credentials_exit_2_and_stop_the_load()
    {
        using var simulator = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient(ClientId, _secret, 48856)] });
        using var error = new StringWriter();

        var exitCode = await LoadCommand.RunAsync(Target(simulator.BaseUrl) with { ClientSecret = "not-the-secret" }, new DistrictSync(new SchoolYear(2026), new DistrictMix()), 2, 1, TextWriter.Null, error);

        exitCode.Should().Be(2);
        error.ToString().Should().StartWith("wiscte load: ").And.NotContain("not-the-secret");
        simulator.Journal.Query().Should().NotContain(e => e.Path.Contains("/data/v3/", StringComparison.Ordinal));
    }

    [Test]
    public async Task A_base_url_that_is_not_this_machines_is_refused_before_anything_is_sent()
    {
        var (exitCode, _, error) = await RunCommandAsync("--base-url", "https://wisedata.example/", "--client-id", "x", "--client-secret", "y");

        exitCode.Should().Be(2);
        error.Should().Contain("--base-url https://wisedata.example/ is not this machine's").And.Contain("--i-own-this-endpoint");
    }

    [Test]
    public async Task With_i_own_this_endpoint_the_guard_lets_the_load_try_the_endpoint()
    {
        var (exitCode, _, error) = await RunCommandAsync("--base-url", "http://wiscte-load.invalid/", "--client-id", "x", "--client-secret", "y", "--i-own-this-endpoint", "--students", "1");

        exitCode.Should().Be(2);
        error.Should().Contain("cannot reach http://wiscte-load.invalid/").And.NotContain("not this machine's");
    }

    [TestCase("--sections", "6", "sections per student must be 0 to 5")]
    [TestCase("--attendance", "-1", "absences per student must be 0 to 100")]
    [TestCase("--students", "0", "--students and --workers must each be at least 1")]
    [TestCase("--school-year", "1990", "--school-year")]
    public async Task A_bad_setting_exits_2_naming_it(string option, string value, string message)
    {
        var (exitCode, _, error) = await RunCommandAsync("--base-url", "http://127.0.0.1:9/", "--client-id", "x", "--client-secret", "y", option, value);

        exitCode.Should().Be(2);
        error.Should().Contain(message);
    }

    private EdFiTarget Target(string baseUrl) => new(new Uri(baseUrl + "/"), ClientId, _secret, new SchoolYear(2026));

    private static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await LoadCommand.Create(output, error, _ => null).Parse(arguments).InvokeAsync();
        return (exitCode, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"\((?<percent>\d+)%\)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Percent();
}
