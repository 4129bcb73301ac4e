using System.Globalization;
using System.Text;
using WisCte.EdFi.Model;
using WisCte.Journal;
using WisCte.ReferenceSis.Load;

namespace WisCte.Scale.Benchmarks;

/// <summary>
/// Writes the journal `wiscte serve --journal` records for a correct district sync (<see cref="DistrictSync"/>, as
/// `wiscte load` sends it) from 8 workers, each with its own token: every POST accepted (201 the first time, 200 when a
/// later pass sends the same record again), with a Location of a stable id. Written rather than played through HTTP so
/// a million requests take seconds; the benchmark checks each journal judges PASS, so a journal unlike a correct
/// sync's fails the run instead of being measured.
/// </summary>
internal static class SyncJournal
{
    public const int Workers = 8;
    private static readonly DateTimeOffset Start = new(2025, 10, 6, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="passes"/> syncs of <paramref name="students"/> students; returns the entries written.</summary>
    public static long Write(string path, DistrictSync sync, int students, int passes)
    {
        using var file = JournalFile.Create(path);
        file.AutoFlush = false;
        var sequence = 0L;
        var tokens = Enumerable.Range(0, Workers).Select(w => Masking.Fingerprint($"benchmark-token-{w}")).ToArray();
        for (var w = 0; w < Workers; w++)
        {
            file.WriteLine(JournalFile.ToLine(new JournalEntry
            {
                Sequence = ++sequence, Timestamp = At(sequence), ClientId = "wiscte-sis", CorrelationId = Correlation(sequence), SchoolYear = sync.Year.EndYear,
                Method = "POST", Path = $"/{sync.Year.EndYear}/oauth/token", RequestBody = "grant_type=client_credentials", Status = 200,
                ResponseBody = """{"access_token":"***","expires_in":3600,"token_type":"bearer","scope":"48856"}""", DurationMs = 2, TokenFingerprint = tokens[w],
            }));
        }
        for (var pass = 0; pass < passes; pass++)
        {
            // The workers take students in turn; their requests interleave one by one, as 8 threads' do.
            for (var first = 0; first < students; first += Workers)
            {
                var batch = Enumerable.Range(first, Math.Min(Workers, students - first)).Select(s => (Student: s, Requests: sync.For(s).ToList())).ToList();
                for (var i = 0; i < batch.Max(b => b.Requests.Count); i++)
                {
                    foreach (var (student, requests) in batch.Where(b => i < b.Requests.Count))
                    {
                        var request = requests[i];
                        var body = request.Body.ToJsonString();
                        var id = string.Create(CultureInfo.InvariantCulture, $"{student:x8}{i:x4}00000000000000000000");
                        sequence++;
                        file.WriteLine(JournalFile.ToLine(new JournalEntry
                        {
                            Sequence = sequence, Timestamp = At(sequence), ClientId = "wiscte-sis", CorrelationId = Correlation(sequence), SchoolYear = sync.Year.EndYear,
                            Method = "POST", Path = $"/{sync.Year.EndYear}/data/v3/ed-fi/{request.Resource}",
                            RequestHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                            {
                                ["Host"] = "127.0.0.1:5000", ["Authorization"] = "Bearer ***", ["Content-Type"] = "application/json; charset=utf-8",
                                ["Content-Length"] = Encoding.UTF8.GetByteCount(body).ToString(CultureInfo.InvariantCulture),
                            },
                            RequestBody = body, Status = pass == 0 ? 201 : 200,
                            ResponseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                            {
                                ["Location"] = $"http://127.0.0.1:5000/{sync.Year.EndYear}/data/v3/ed-fi/{request.Resource}/{id}",
                                ["ETag"] = string.Create(CultureInfo.InvariantCulture, $"\"{sequence}\""),
                            },
                            DurationMs = 3, TokenFingerprint = tokens[student % Workers],
                        }));
                    }
                }
            }
        }
        return sequence;
    }

    private static DateTimeOffset At(long sequence) => Start.AddMilliseconds(sequence);

    private static string Correlation(long sequence) => sequence.ToString("x32", CultureInfo.InvariantCulture);
}
