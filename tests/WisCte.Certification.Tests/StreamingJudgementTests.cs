using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Certification.UseCases;
using WisCte.EdFi;
using WisCte.EdFi.Model;
using WisCte.Journal;
using WisCte.ReferenceSis.Load;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Hosting;

namespace WisCte.Certification.Tests;

/// <summary>
/// The judgement reads a journal once, forward, from its file. On a large recorded journal with retries, refusals and
/// findings, the verdict streamed from the file is the verdict of the same traffic held whole in memory and sorted (as
/// judgements were made before streaming), finding for finding.
/// </summary>
public sealed class StreamingJudgementTests
{
    private static readonly string[] UseCases = ["1.0", "7.0", "16.1", "17.2"];

    [Test]
    public async Task A_large_journal_streamed_from_its_file_is_judged_as_when_held_whole()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wiscte-stream-{Guid.NewGuid():N}.ndjson");
        try
        {
            using (var simulator = WisedataSimulator.Start(new SimulatorOptions
            {
                Clients = [new ApiClient("vendor-sis", "vendor-secret", 48856)],
                JournalPath = path,
                Faults = [FaultInjector.Parse("503:POST:grades:3"), FaultInjector.Parse("429:POST:studentSectionAssociations:2:retry-after=1")],
            }))
            {
                var target = new EdFiTarget(new Uri(simulator.BaseUrl + "/"), "vendor-sis", "vendor-secret", new SchoolYear(2026));
                var summary = await new LoadRun(target, new DistrictSync(new SchoolYear(2026), new DistrictMix(Sections: 2, Grades: true))).RunAsync(students: 500, workers: 4);
                summary.Refused.Should().Be(0);
                // A SIS mistake among them: a CTE association of a student never enrolled (403), and the same request sent again.
                using var client = new EdFiClient(target);
                var orphan = JsonNode.Parse(JsonSerializer.Serialize(new DistrictSync(new SchoolYear(2026), new DistrictMix()).For(999_999).Last().Body))!;
                (await client.PostAsync("studentCTEProgramAssociations", orphan)).Status.Should().Be(403);
                (await client.PostAsync("studentCTEProgramAssociations", orphan)).Status.Should().Be(403);
            }
            var useCases = UseCases.Select(u => UseCaseCatalog.Find(u)!).ToList();
            var whole = JournalFile.Read(path).ToList();
            whole.Count.Should().BeGreaterThan(4_000);

            var streamed = Judge.Run(JournalFile.Read(path), useCases, new SchoolYear(2026));
            var heldWhole = Judge.Run(whole.OrderBy(_ => Random.Shared.Next()).ToList(), useCases, new SchoolYear(2026));

            streamed.Findings.Should().Contain(f => f.RuleId == "CERT-REFUSED").And.Contain(f => f.RuleId == "CERT-NO-RESEND-AFTER-4XX", "the comparison is of verdicts with findings");
            streamed.JournalEntries.Should().Be(whole.Count);
            JsonSerializer.Serialize(streamed).Should().Be(JsonSerializer.Serialize(heldWhole));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_line_that_is_no_entry_stops_the_judgement_naming_it_though_entries_are_prepared_ahead()
    {
        // Entries are prepared in batches on other threads: the bad line, far past the first batches, is still the one named.
        var path = Path.Combine(Path.GetTempPath(), $"wiscte-bad-line-{Guid.NewGuid():N}.ndjson");
        try
        {
            var lines = Enumerable.Range(1, 3_000).Select(n => JournalFile.ToLine(new JournalEntry
            {
                Sequence = n, Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(n), CorrelationId = $"c{n}", Method = "GET",
                Path = "/2026/data/v3/ed-fi/students", Status = 200, ResponseBody = "[]",
            })).ToList();
            lines[2_100] = "{\"sequence\": 2101, \"method\": ";
            File.WriteAllLines(path, lines);

            var judging = () => Judge.Run(JournalFile.Read(path), [UseCaseCatalog.Find("1.0")!], new SchoolYear(2026));

            judging.Should().Throw<InvalidDataException>().WithMessage($"{path}:2101: not a journal entry*");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
