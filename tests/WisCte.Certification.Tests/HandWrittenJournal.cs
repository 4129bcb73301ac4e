using WisCte.Journal;

namespace WisCte.Certification.Tests;

/// <summary>A journal written by hand, entry by entry, so the interleaving of workers is exact.</summary>
internal sealed class HandWrittenJournal
{
    private static readonly DateTimeOffset Start = new(2025, 10, 6, 9, 0, 0, TimeSpan.Zero);

    public List<JournalEntry> Entries { get; } = [];

    public HandWrittenJournal Token(string token, int at) => Add("POST", "/oauth/token", 200, token, at);

    public HandWrittenJournal Data(string token, int at, int status) => Add("POST", "/data/v3/ed-fi/students", status, token, at);

    private HandWrittenJournal Add(string method, string path, int status, string token, int at)
    {
        Entries.Add(new JournalEntry
        {
            Sequence = Entries.Count + 1, Timestamp = Start.AddMilliseconds(at), ClientId = "vendor-sis", CorrelationId = $"c{Entries.Count + 1}",
            Method = method, Path = path, Status = status, DurationMs = 5, TokenFingerprint = Masking.Fingerprint(token),
            RequestBody = path.Contains("/data/", StringComparison.Ordinal) ? $"{{\"studentUniqueId\":\"S{Entries.Count}\"}}" : null,
        });
        return this;
    }
}
