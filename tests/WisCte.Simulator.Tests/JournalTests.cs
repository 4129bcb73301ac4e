using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Journal;
using WisCte.Simulator.Tests.Support;
using WisCte.Journal;

namespace WisCte.Simulator.Tests;

public sealed class JournalTests : SimulatorTestBase
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"wiscte-journal-{Guid.NewGuid():N}.ndjson");

    protected override SimulatorOptions Options(SimulatorOptions defaults) => defaults with { JournalPath = _file };

    [OneTimeTearDown]
    public void RemoveFile() => File.Delete(_file);

    [Test]
    public async Task Every_request_is_journaled_in_order_with_client_correlation_id_bodies_and_status()
    {
        var client = new TestClient(Http, Simulator.BaseUrl, "lea-client", "lea-secret-123");
        var before = Simulator.Journal.Count;
        var student = NewStudentId();
        await client.PostAsync("students", Student(student));
        await EnrolAsync(client, student); // a SIS key lists the students enrolled at its schools
        await client.GetAsync("students", $"studentUniqueId={student}", new Dictionary<string, string>(StringComparer.Ordinal) { ["correlation-id"] = "journal-test-1" });

        var entries = Simulator.Journal.Query(new JournalQuery(AfterSequence: before, ClientId: "lea-client"));
        entries.Select(e => e.Sequence).Should().BeInAscendingOrder();
        var post = entries.Single(e => e.Method == "POST" && e.Path.EndsWith("/students", StringComparison.Ordinal));
        post.Status.Should().Be(201);
        post.RequestBody.Should().Contain(student);
        var get = entries.Single(e => e.CorrelationId == "journal-test-1");
        get.Status.Should().Be(200);
        get.ResponseBody.Should().Contain(student);
        get.SchoolYear.Should().Be(2026);
    }

    [Test]
    public void A_query_without_a_limit_reads_every_entry_held_beyond_an_admin_page()
    {
        // Certification judges Journal.Query(): a default page size would judge only the first requests of a long run.
        using var journal = new SimulatorJournal(capacity: 20_000);
        for (var i = 0; i < 12_000; i++)
        {
            journal.Append(new JournalEntry
            {
                Sequence = 0, Timestamp = DateTimeOffset.UnixEpoch, CorrelationId = "c", Method = "GET", Path = "/data/v3/ed-fi/students", Status = 200,
            });
        }

        journal.Query().Should().HaveCount(12_000);
        journal.Query(new JournalQuery(Limit: 10)).Should().HaveCount(10);
    }

    [Test]
    public void With_a_file_the_file_is_the_journal_and_queries_read_it_back_whole()
    {
        // A district-size run holds no bodies in memory: however small the in-memory window, every entry is read back.
        var path = Path.Combine(Path.GetTempPath(), $"wiscte-journal-{Guid.NewGuid():N}.ndjson");
        try
        {
            using var journal = new SimulatorJournal(path, capacity: 2);
            for (var i = 0; i < 5; i++)
            {
                journal.Append(new JournalEntry
                {
                    Sequence = 0, Timestamp = DateTimeOffset.UnixEpoch, CorrelationId = $"c{i}", Method = i % 2 == 0 ? "GET" : "POST", Path = "/data/v3/ed-fi/students", Status = 200,
                });
            }

            journal.Query().Select(e => e.CorrelationId).Should().Equal("c0", "c1", "c2", "c3", "c4");
            journal.Query(new JournalQuery(AfterSequence: 1, Method: "GET", Limit: 1)).Select(e => e.CorrelationId).Should().Equal("c2");
            journal.Entries().Should().HaveCount(5, "the file is read while it is still open for appending");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Secrets_and_tokens_never_reach_the_journal()
    {
        var client = new TestClient(Http, Simulator.BaseUrl, "lea-client", "lea-secret-123");
        var token = await client.TokenAsync();
        await client.GetAsync("students");

        var text = await File.ReadAllTextAsync(_file);
        text.Should().NotContain("lea-secret-123").And.NotContain(token);

        var entries = JournalFile.Read(_file).ToList();
        entries.Should().Contain(e => e.Path == "/oauth/token" && e.RequestBody!.Contains("client_secret=***", StringComparison.Ordinal)
            && e.ResponseBody!.Contains("\"access_token\":\"***\"", StringComparison.Ordinal));
        entries.Should().Contain(e => e.RequestHeaders.GetValueOrDefault("Authorization") == "Bearer ***");
    }

    [Test]
    public async Task The_ndjson_file_is_current_and_reads_back()
    {
        await Lea.GetAsync("schools");

        var fromFile = JournalFile.Read(_file).ToList();
        fromFile.Should().NotBeEmpty();
        fromFile[^1].Sequence.Should().Be(Simulator.Journal.Count, "every entry is flushed as it is written");
    }

    [Test]
    public async Task The_admin_api_answers_journal_queries()
    {
        await Lea.GetAsync("schools", "schoolId=7525");

        var response = await TestClient.SendRawAsync(Http, new HttpRequestMessage(HttpMethod.Get, new Uri($"{Simulator.BaseUrl}/__wiscte/journal?path=schoolId%3D7525&clientId=lea-client")));

        response.Code.Should().Be(200);
        var entries = response.Json!.AsArray();
        entries.Should().NotBeEmpty();
        entries.Should().OnlyContain(e => e!["path"]!.GetValue<string>().Contains("schoolId=7525", StringComparison.Ordinal));
    }
}
