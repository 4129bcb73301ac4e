using WisCte.EdFi.Model;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Cli.Commands;
using WisCte.TestSupport;
using WisCte.Dpi;
using WisCte.EdFi;
using WisCte.ReferenceSis;
using WisCte.ReferenceSis.Ledger;
using WisCte.ReferenceSis.Payloads;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Journal;

namespace WisCte.Cli.Tests;

/// <summary>
/// `wiscte cleanup` as a user runs it after an interrupted run: a real child process against an in-process simulator
/// that holds the run's records (made by the reference SIS, written to its ledger) and someone else's.
/// </summary>
[Category("cli")]
public sealed class CleanupProcessTests
{
    private const string ClientId = "cleanup-sis";
    private const long Lea = WisCte.Dpi.Baseline.DpiBaseline.Lea;
    private const long School = 7525;
    private static readonly SchoolYear Year = new(2026);
    private static readonly SectionRef Section = new("ENG9", School, 2026, "ENG9-01-2026", "2025-2026 School Calendar");
    private static readonly DateOnly Begins = new(2025, 8, 26);
    private static readonly DateOnly Ends = new(2026, 6, 5);

    private static readonly Dictionary<string, string?> NoCredentialsInEnvironment = new(StringComparer.Ordinal)
    {
        [CleanupCommand.ClientIdVariable] = null,
        [CleanupCommand.ClientSecretVariable] = null,
    };

    private readonly string _secret = "cleanup-s3cret-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _files = [];

    [TearDown]
    public void DeleteFiles()
    {
        foreach (var file in _files)
            File.Delete(file);
        _files.Clear();
    }

    [Test]
    public async Task Cleanup_deletes_exactly_what_the_ledger_of_an_interrupted_run_names_children_first()
    {
        using var simulator = StartSimulator();
        var (ledger, students) = await InterruptedRunAsync(simulator, 2);
        using var api = new EdFiClient(Target(simulator));
        var someoneElse = await RecordsOfSomeoneElseAsync(api);
        var entries = RunLedger.Read(ledger);
        entries.Should().HaveCount(10, "five records for each of two students");

        var (exitCode, output, error) = await WiscteProcess.RunAsync(NoCredentialsInEnvironment,
            "cleanup", "--ledger", ledger, "--base-url", simulator.BaseUrl, "--client-id", ClientId, "--client-secret", _secret);

        await TestContext.Out.WriteLineAsync(output);
        exitCode.Should().Be(0, $"nothing failed.\nstdout:\n{output}\nstderr:\n{error}");
        var lines = Lines(output);
        lines[^1].Should().Be("10 deleted, 0 already gone, 0 failed");
        foreach (var entry in entries)
            lines.Should().Contain($"deleted {entry.Resource}/{entry.Id} ({entry.Description})");
        lines.Should().Contain(l => l.StartsWith("deleted studentSectionAssociations/", StringComparison.Ordinal) && l.Contains("(section enrolment of WC", StringComparison.Ordinal));
        (output + error).Should().NotContain(_secret, "the secret is never printed");

        foreach (var entry in entries)
            (await api.GetByIdAsync(entry.Resource, entry.Id)).Status.Should().Be(404, $"{entry.Resource}/{entry.Id} ({entry.Description}) was in the ledger");
        foreach (var (resource, id) in someoneElse)
            (await api.GetByIdAsync(resource, id)).Status.Should().Be(200, $"{resource}/{id} belongs to someone else: it is not in the ledger");

        var deletes = simulator.Journal.Query(new JournalQuery(Method: "DELETE"));
        deletes.Should().OnlyContain(d => d.Status == 204, "children first: nothing was refused for a dependent record, nothing was missing");
        var deleted = deletes.Select(d => Named(d.Path)).ToList();
        deleted.Should().BeEquivalentTo(entries.Select(e => (e.Resource, e.Id)), "exactly the ledger's records are deleted, each once, and nothing else");
        var position = deleted.Select((record, index) => (record.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        foreach (var student in students)
        {
            position[student.Grade].Should().BeLessThan(position[student.SectionEnrolment], $"the grade of {student.UniqueId} goes before its section enrolment");
            position[student.SectionEnrolment].Should().BeLessThan(position[student.Student], $"the section enrolment of {student.UniqueId} goes before the student");
            position[student.CteAssociation].Should().BeLessThan(position[student.Student], $"the CTE association of {student.UniqueId} goes before the student");
            position[student.SchoolEnrolment].Should().BeLessThan(position[student.Student], $"the school enrolment of {student.UniqueId} goes before the student");
        }
    }

    [Test]
    public async Task A_second_cleanup_finds_every_record_already_gone_and_exits_0()
    {
        using var simulator = StartSimulator();
        var (ledger, _) = await InterruptedRunAsync(simulator, 1);
        var entries = RunLedger.Read(ledger);
        // The defaults this time: credentials from the environment, the base URL from the ledger.
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [CleanupCommand.ClientIdVariable] = ClientId,
            [CleanupCommand.ClientSecretVariable] = _secret,
        };

        var first = await WiscteProcess.RunAsync(environment, "cleanup", "--ledger", ledger);
        first.ExitCode.Should().Be(0, first.Output + first.Error);
        Lines(first.Output)[^1].Should().Be("5 deleted, 0 already gone, 0 failed");

        var second = await WiscteProcess.RunAsync(environment, "cleanup", "--ledger", ledger);

        second.ExitCode.Should().Be(0, second.Output + second.Error);
        var lines = Lines(second.Output);
        lines[^1].Should().Be("0 deleted, 5 already gone, 0 failed");
        foreach (var entry in entries)
            lines.Should().Contain($"already gone {entry.Resource}/{entry.Id} ({entry.Description})");
        lines.Should().NotContain(l => l.StartsWith("deleted ", StringComparison.Ordinal));
        (first.Output + first.Error + second.Output + second.Error).Should().NotContain(_secret);
    }

    [Test]
    public async Task A_record_still_referenced_from_outside_the_ledger_is_reported_and_exits_1()
    {
        using var simulator = StartSimulator();
        var (ledger, students) = await InterruptedRunAsync(simulator, 1);
        var student = students[0];
        using var api = new EdFiClient(Target(simulator));
        // Someone else enrols the run's student in another section: the student cannot be deleted while that stands.
        var outside = await api.PostAsync("studentSectionAssociations", UseCasePayloads.SectionEnrollment(
            student.UniqueId, Section with { LocalCourseCode = "ALG1", SectionIdentifier = "ALG1-01-2026" }, Begins, null, Year, []));
        outside.Status.Should().Be(201, outside.ToString());

        var (exitCode, output, error) = await WiscteProcess.RunAsync(NoCredentialsInEnvironment,
            "cleanup", "--ledger", ledger, "--client-id", ClientId, "--client-secret", _secret);

        exitCode.Should().Be(1, $"one record could not be deleted.\nstdout:\n{output}\nstderr:\n{error}");
        var lines = Lines(output);
        lines[^1].Should().Be("4 deleted, 0 already gone, 1 failed");
        lines.Should().Contain(l => l.StartsWith($"could not delete students/{student.Student} (student {student.UniqueId}): 409 urn:ed-fi:api:data-conflict:dependent-item-exists", StringComparison.Ordinal));
        error.Should().NotContain("   at ");
        // It still stands (a deleted one is 404), but with the student's enrolment deleted the key may no longer read it:
        // a SIS key reads a student's records through the student's enrolment at its schools, as the ODS does.
        (await api.GetByIdAsync("studentSectionAssociations", outside.Id!)).Status.Should().Be(403, "it is not in the ledger");
        simulator.Journal.Query(new JournalQuery(Method: "DELETE", PathContains: $"/students/{student.Student}")).Should()
            .HaveCount(3, "a refused record is tried again in each of the later passes");
    }

    [Test]
    public async Task A_missing_ledger_exits_2_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"wiscte-no-such-ledger-{Guid.NewGuid():N}.ndjson");

        var (exitCode, _, error) = await WiscteProcess.RunAsync(NoCredentialsInEnvironment,
            "cleanup", "--ledger", missing, "--client-id", ClientId, "--client-secret", _secret);

        exitCode.Should().Be(2);
        error.Should().Contain($"--ledger: there is no ledger at {missing}").And.NotContain("   at ");
    }

    [Test]
    public async Task A_ledger_with_a_malformed_line_exits_2_naming_the_file_and_line()
    {
        var ledger = TempFile();
        var good = System.Text.Json.JsonSerializer.Serialize(
            new LedgerEntry("run1", 1, DateTimeOffset.UtcNow, "http://127.0.0.1:9/", 2026, "students", "0123456789abcdef0123456789abcdef", "student WCrun10001"),
            RunLedger.JsonOptions);
        await File.WriteAllLinesAsync(ledger, [good, "", "{\"runId\": \"run1\", \"sequence\": "]);

        var (exitCode, output, error) = await WiscteProcess.RunAsync(NoCredentialsInEnvironment,
            "cleanup", "--ledger", ledger, "--client-id", ClientId, "--client-secret", _secret);

        exitCode.Should().Be(2);
        error.Should().Contain($"{ledger}:3: not a ledger entry").And.NotContain("   at ");
        output.Should().NotContain("deleted");
    }

    [Test]
    public async Task Missing_credentials_exit_2_naming_the_option_and_the_variable()
    {
        using var simulator = StartSimulator();
        var (ledger, _) = await InterruptedRunAsync(simulator, 1);
        var before = simulator.Journal.Count;

        var (exitCode, _, error) = await WiscteProcess.RunAsync(NoCredentialsInEnvironment, "cleanup", "--ledger", ledger);

        exitCode.Should().Be(2);
        error.Should().Contain("No client id: give --client-id or set WISCTE_CLIENT_ID.").And.NotContain("   at ");
        simulator.Journal.Count.Should().Be(before, "nothing is sent without credentials");
    }

    [Test]
    public async Task Refused_credentials_exit_2_before_anything_is_deleted()
    {
        using var simulator = StartSimulator();
        var (ledger, _) = await InterruptedRunAsync(simulator, 1);

        var (exitCode, output, error) = await WiscteProcess.RunAsync(NoCredentialsInEnvironment,
            "cleanup", "--ledger", ledger, "--client-id", ClientId, "--client-secret", "not-the-secret");

        exitCode.Should().Be(2);
        error.Should().Contain($"refused the client credentials of '{ClientId}'").And.Contain("Nothing was deleted").And.NotContain("   at ");
        (output + error).Should().NotContain("not-the-secret");
        simulator.Journal.Query(new JournalQuery(Method: "DELETE")).Should().BeEmpty();
    }

    /// <summary>The ids of one fictional student's records, as the reference SIS created them.</summary>
    private sealed record StudentRecords(string UniqueId, string Student, string SchoolEnrolment, string SectionEnrolment, string Grade, string CteAssociation);

    private WisedataSimulator StartSimulator() =>
        WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient(ClientId, _secret, Lea)] });

    private EdFiTarget Target(WisedataSimulator simulator) => new(new Uri(simulator.BaseUrl + "/"), ClientId, _secret, Year);

    /// <summary>
    /// A run of the reference SIS that stopped before cleaning up: for each student the student, a school enrolment,
    /// a section enrolment, a grade on it and a CTE association, all in the run's ledger, which is then closed.
    /// </summary>
    private async Task<(string Ledger, IReadOnlyList<StudentRecords> Students)> InterruptedRunAsync(WisedataSimulator simulator, int count)
    {
        var path = TempFile();
        var students = new List<StudentRecords>();
        using (var ledger = new RunLedger(path, Guid.NewGuid().ToString("N")[..8]))
        using (var sis = new ReferenceSisScenario(Target(simulator), ledger, NoRecorder.Instance))
        {
            // Step by step across the students, so that the ledger interleaves them.
            var ids = Enumerable.Range(0, count).Select(_ => sis.NewStudentId()).ToList();
            var created = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
            foreach (var id in ids)
                created[id].Add(await CreateAsync(sis, "students", UseCasePayloads.Student(id, sis.RunId), $"student {id}"));
            foreach (var id in ids)
            {
                created[id].Add(await CreateAsync(sis, "studentSchoolAssociations",
                    UseCasePayloads.SchoolEnrollment(id, School, "uri://ed-fi.org/GradeLevelDescriptor#Ninth grade", Begins), $"enrolment of {id} at {School}"));
            }
            foreach (var id in ids)
            {
                created[id].Add(await CreateAsync(sis, "studentSectionAssociations",
                    UseCasePayloads.SectionEnrollment(id, Section, Begins, null, Year, []), $"section enrolment of {id} in {Section}"));
            }
            foreach (var id in ids)
                created[id].Add(await CreateAsync(sis, "grades", UseCasePayloads.Grade(id, Section, Begins, "B"), $"grade of {id} in {Section}"));
            foreach (var id in ids)
            {
                var cte = UseCasePayloads.CteAssociation(id, new ProgramRef("CTE", "Career and Technical Education"), School, Begins, Ends, Year,
                    "uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#B", ["uri://dpi.wi.gov/CteProgramAreaDescriptor#H"],
                    "uri://dpi.wi.gov/CteProgramServiceDescriptor#8", "51.3902");
                created[id].Add(await CreateAsync(sis, "studentCTEProgramAssociations", cte, $"CTE association of {id}"));
            }
            students.AddRange(ids.Select(id => created[id] is [var student, var school, var section, var grade, var association]
                ? new StudentRecords(id, student, school, section, grade, association)
                : throw new InvalidOperationException("five records per student")));
        }
        return (path, students);
    }

    private static async Task<string> CreateAsync(ReferenceSisScenario sis, string resource, JsonObject body, string description)
    {
        var response = await sis.SubmitAsync(Year, resource, body, description);
        response.Status.Should().Be(201, $"POST {resource} ({description}): {response}");
        return response.Id!;
    }

    /// <summary>Another student and enrolment on the same endpoint, made without the ledger: cleanup must leave them alone.</summary>
    private static async Task<IReadOnlyList<(string Resource, string Id)>> RecordsOfSomeoneElseAsync(EdFiClient api)
    {
        const string student = "OTHER-SIS-0001";
        var created = new List<(string, string)>();
        var response = await api.PostAsync("students", UseCasePayloads.Student(student, "someone else"));
        response.Status.Should().Be(201, response.ToString());
        created.Add(("students", response.Id!));
        response = await api.PostAsync("studentSchoolAssociations",
            UseCasePayloads.SchoolEnrollment(student, School, "uri://ed-fi.org/GradeLevelDescriptor#Ninth grade", Begins));
        response.Status.Should().Be(201, response.ToString());
        created.Add(("studentSchoolAssociations", response.Id!));
        return created;
    }

    /// <summary>"/2026/data/v3/ed-fi/grades/{id}" → ("grades", id).</summary>
    private static (string Resource, string Id) Named(string path) => path.Split('?')[0].Split('/') is [.., var resource, var id]
        ? (resource, id)
        : throw new FormatException(path);

    private static List<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private string TempFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wiscte-cleanup-{Guid.NewGuid():N}.ndjson");
        _files.Add(path);
        return path;
    }
}
