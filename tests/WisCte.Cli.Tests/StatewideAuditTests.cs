using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Cli.Commands;
using WisCte.EdFi;
using WisCte.EdFi.Model;
using WisCte.ReferenceSis.Load;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;

namespace WisCte.Cli.Tests;

/// <summary>
/// <c>wiscte audit --leas FILE --shard I/N</c> and <c>wiscte audit merge</c>: three LEAs (each an endpoint of its own,
/// each key in its own environment variables) over two shards; the merged report is the single-process audit's.
/// </summary>
[Category("cli")]
public sealed class StatewideAuditTests
{
    private readonly List<WisedataSimulator> _simulators = [];
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private string _folder = "";

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("wiscte-statewide-").FullName;

    [TearDown]
    public void TearDown()
    {
        _simulators.ForEach(s => s.Dispose());
        _simulators.Clear();
        _environment.Clear();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Three_leas_over_two_shards_merge_into_the_single_process_audit()
    {
        var leas = await ThreeLeasAsync();

        var whole = await AuditAsync("--leas", leas, "--school-year", "2026", "--json", Path.Combine(_folder, "whole.json"));
        var first = await AuditAsync("--leas", leas, "--school-year", "2026", "--shard", "1/2", "--json", Path.Combine(_folder, "shard-1.json"));
        var second = await AuditAsync("--leas", leas, "--school-year", "2026", "--shard", "2/2", "--json", Path.Combine(_folder, "shard-2.json"));
        var merged = await AuditAsync("merge", Path.Combine(_folder, "shard-2.json"), Path.Combine(_folder, "shard-1.json"), "--json", Path.Combine(_folder, "merged.json"));

        whole.ExitCode.Should().Be(1, "one LEA has an error: " + whole.Output);
        first.Output.Should().Contain("Shard 1/2: 2 of the 3 LEAs").And.Contain("North (48856): 39 records");
        second.Output.Should().Contain("Shard 2/2: 1 of the 3 LEAs").And.Contain("Central (48856)").And.NotContain("North");
        merged.ExitCode.Should().Be(1, merged.Error);
        merged.Output.Should().Contain("Merged 3 LEAs: 2 without errors, 1 with errors, 0 not audited.");
        var single = Json("whole.json");
        var joined = Json("merged.json");
        JsonNode.DeepEquals(single, joined).Should().BeTrue($"merged:\n{joined}\nsingle process:\n{single}");
        single["audits"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).Should().Equal("North", "Central", "South");
        single["audits"]![1]!["report"]!["findings"]!.AsArray().Should().Contain(f => f!["ruleId"]!.GetValue<string>() == "WI-L2-16.1");
    }

    [Test]
    public async Task A_missing_shard_or_one_given_twice_is_refused_by_merge()
    {
        var leas = await ThreeLeasAsync();
        await AuditAsync("--leas", leas, "--school-year", "2026", "--shard", "1/2", "--json", Path.Combine(_folder, "shard-1.json"));

        var missing = await AuditAsync("merge", Path.Combine(_folder, "shard-1.json"), "--json", Path.Combine(_folder, "merged.json"));
        var twice = await AuditAsync("merge", Path.Combine(_folder, "shard-1.json"), Path.Combine(_folder, "shard-1.json"), "--json", Path.Combine(_folder, "merged.json"));

        missing.ExitCode.Should().Be(2);
        missing.Error.Should().Contain("Shard 2/2 is missing");
        twice.Error.Should().Contain("Shard 1/2 is given more than once");
        File.Exists(Path.Combine(_folder, "merged.json")).Should().BeFalse("a partial merge would pass LEAs never audited");
    }

    [TestCase("""{"shard": 3, "leasInFile": 1, "audits": []}""")]
    [TestCase("""{"shard": "1/1", "leasInFile": 1, "audits": [{"name": "North"}]}""")]
    [TestCase("""{"findings": []}""")]
    [TestCase("""[1, 2]""")]
    public async Task A_file_that_is_not_a_shard_file_is_named_by_merge(string content)
    {
        var path = Path.Combine(_folder, "other.json");
        await File.WriteAllTextAsync(path, content);

        var run = await AuditAsync("merge", path, "--json", Path.Combine(_folder, "merged.json"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain($"{path}: not a shard file").And.NotContain("   at ");
    }

    [Test]
    public async Task An_lea_whose_key_is_not_set_is_recorded_as_not_audited_and_the_others_still_are()
    {
        var leas = await ThreeLeasAsync();
        _environment.Remove("SOUTH_SECRET");

        var run = await AuditAsync("--leas", leas, "--school-year", "2026", "--json", Path.Combine(_folder, "whole.json"));

        run.ExitCode.Should().Be(2);
        run.Output.Should().Contain("South (48856): NOT AUDITED: no key: set SOUTH_ID and SOUTH_SECRET.").And.Contain("North (48856): 39 records");
        Json("whole.json")["audits"]![2]!["error"]!.GetValue<string>().Should().Contain("SOUTH_SECRET");
    }

    [TestCase("""[{"lea": 48856, "baseUrl": "http://127.0.0.1:9/", "clientSecret": "s3cret"}]""", "LEA 1: holds a secret")]
    [TestCase("""[{"lea": "north", "baseUrl": "http://127.0.0.1:9/"}]""", "LEA 1: \"lea\" must be an education organization id")]
    [TestCase("""[{"lea": 48856}]""", "LEA 1: \"baseUrl\" must be an absolute http(s) URL")]
    [TestCase("""{"lea": 48856}""", "not a JSON array of LEAs")]
    [TestCase("""[""", "not JSON")]
    public async Task A_bad_leas_file_exits_2_naming_the_entry(string content, string message)
    {
        var leas = Path.Combine(_folder, "leas.json");
        await File.WriteAllTextAsync(leas, content);

        var run = await AuditAsync("--leas", leas, "--school-year", "2026", "--json", Path.Combine(_folder, "out.json"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(message).And.NotContain("s3cret").And.NotContain("   at ");
    }

    [TestCase("3/2")]
    [TestCase("0/2")]
    [TestCase("two")]
    public async Task A_bad_shard_exits_2(string shard)
    {
        var run = await AuditAsync("--leas", Path.Combine(_folder, "none.json"), "--school-year", "2026", "--shard", shard, "--json", Path.Combine(_folder, "out.json"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain($"--shard '{shard}' should be I/N");
    }

    /// <summary>North and South submitted as DPI documents; Central left a CTE section without its CTE association (WI-L2-16.1).</summary>
    private async Task<string> ThreeLeasAsync()
    {
        var entries = new JsonArray();
        foreach (var (name, students, cte) in new[] { ("North", 5, true), ("Central", 3, false), ("South", 4, true) })
        {
            var secret = "s3cret-" + Guid.NewGuid().ToString("N")[..8];
            var simulator = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient(name.ToLowerInvariant(), secret, 48856)] });
            _simulators.Add(simulator);
            var target = new EdFiTarget(new Uri(simulator.BaseUrl + "/"), name.ToLowerInvariant(), secret, new SchoolYear(2026));
            (await new LoadRun(target, new DistrictSync(new SchoolYear(2026), new DistrictMix(Cte: cte))).RunAsync(students, workers: 2)).Refused.Should().Be(0);
            _environment[name.ToUpperInvariant() + "_ID"] = name.ToLowerInvariant();
            _environment[name.ToUpperInvariant() + "_SECRET"] = secret;
            entries.Add(new JsonObject
            {
                ["name"] = name, ["lea"] = 48856, ["baseUrl"] = simulator.BaseUrl,
                ["clientIdVariable"] = name.ToUpperInvariant() + "_ID", ["clientSecretVariable"] = name.ToUpperInvariant() + "_SECRET",
            });
        }
        var path = Path.Combine(_folder, "leas.json");
        await File.WriteAllTextAsync(path, entries.ToJsonString());
        return path;
    }

    private async Task<(int ExitCode, string Output, string Error)> AuditAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AuditCommand.Create(output, error, name => _environment.GetValueOrDefault(name)).Parse(arguments).InvokeAsync();
        return (exitCode, output.ToString(), error.ToString());
    }

    private JsonNode Json(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, file)))!;
}
