using FluentAssertions;
using NUnit.Framework;
using WisCte.Certification;
using WisCte.ScriptedSis;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;
using WisCte.TestSupport;

namespace WisCte.Cli.Tests;

/// <summary>
/// wiscte as a vendor installs it: packed as a .NET tool, installed into a tool path of its own, and run from a folder
/// outside the repository, where it prints its version and judges a journal the simulator recorded (everything it
/// reads travels in the package).
/// </summary>
[Category("package")]
public sealed class ToolPackageTests
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"wiscte-tool-{Guid.NewGuid():N}");

    [OneTimeTearDown]
    public void RemoveWork()
    {
        if (Directory.Exists(_work))
            Directory.Delete(_work, recursive: true);
    }

    [Test]
    public async Task The_tool_packs_installs_and_verifies_a_recorded_journal_outside_the_repository()
    {
        Directory.CreateDirectory(_work);
        var (project, configuration) = CliProject();
        var feed = Path.Combine(_work, "feed");
        var tools = Path.Combine(_work, "tools");

        var pack = await WiscteProcess.RunProgramAsync("dotnet", _work, "pack", project, "--no-build", "-c", configuration, "-o", feed, "-v", "q", "-nologo");
        pack.ExitCode.Should().Be(0, pack.Output + pack.Error);
        Directory.GetFiles(feed, "WisCte.Conformance.*.nupkg").Should().ContainSingle();

        var install = await WiscteProcess.RunProgramAsync("dotnet", _work, "tool", "install", "WisCte.Conformance", "--tool-path", tools, "--add-source", feed);
        install.ExitCode.Should().Be(0, install.Output + install.Error);
        var wiscte = Path.Combine(tools, "wiscte");

        var version = await WiscteProcess.RunProgramAsync(wiscte, _work, "--version");
        version.ExitCode.Should().Be(0, version.Error);
        version.Output.Trim().Should().Be(SuiteIdentity.Version);

        var journal = await RecordJournalAsync();
        var verify = await WiscteProcess.RunProgramAsync(wiscte, _work, "verify", "--journal", journal, "--use-case", "1.0", "--out", Path.Combine(_work, "bundle"));
        verify.ExitCode.Should().Be(0, verify.Output + verify.Error);
        verify.Output.Should().Contain("The SIS conforms");
        File.ReadAllText(Path.Combine(_work, "bundle", "verdict.json")).Should().Contain(SuiteIdentity.Hash);
    }

    /// <summary>A correct use case 1.0 (a student, a section enrolment with an IRC program, the CTE association) as the simulator journals it.</summary>
    private async Task<string> RecordJournalAsync()
    {
        var journal = Path.Combine(_work, "journal.ndjson");
        const string client = "tool-sis";
        var secret = "s3cret-" + Guid.NewGuid().ToString("N")[..8];
        using var simulator = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient(client, secret, 48856)], JournalPath = journal });
        using var http = new HttpClient();
        var plays = new Plays(new ScriptedSisClient(http, simulator.BaseUrl, client, secret, new SisBehaviour()));
        var student = await plays.StudentAsync();
        (await plays.SectionAsync(student, "CNA", Plays.Irc)).Status.Should().Be(201);
        (await plays.CteAssociationAsync(student, Plays.Irc)).Status.Should().Be(201);
        return journal;
    }

    /// <summary>src/WisCte.Cli, and the configuration the tests were built in (the tool is packed from that build).</summary>
    private static (string Project, string Configuration) CliProject()
    {
        var dll = new FileInfo(WiscteProcess.Assembly); // src/WisCte.Cli/bin/<configuration>/<framework>/wiscte.dll
        var configuration = dll.Directory!.Parent!.Name;
        var project = Path.Combine(dll.Directory.Parent.Parent!.Parent!.FullName, "WisCte.Cli.csproj");
        File.Exists(project).Should().BeTrue($"the tests find the project beside {dll.FullName}");
        return (project, configuration);
    }
}
