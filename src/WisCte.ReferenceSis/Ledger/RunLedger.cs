using WisCte.EdFi;
using System.Text.RegularExpressions;
using System.Globalization;
using System.Text.Json;

namespace WisCte.ReferenceSis.Ledger;

/// <summary>
/// Every resource a run creates, appended to an NDJSON file and flushed before the run moves on, so that an interrupted
/// run can be cleaned up later (<c>wiscte cleanup --ledger FILE</c>). Entries are in creation order: parents first.
/// </summary>
public sealed partial class RunLedger : IDisposable
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Lock _gate = new();
    private readonly StreamWriter _file;
    private long _sequence;
    private int _students;

    public RunLedger(string path, string runId)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = System.IO.Path.GetFullPath(path);
        RunId = runId;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _file = new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    public string Path { get; }
    public string RunId { get; }

    /// <summary>A number unique within the run, for naming fictional records (students).</summary>
    public int NextNumber() => Interlocked.Increment(ref _students);

    public LedgerEntry Add(string baseUrl, int schoolYear, string resource, string id, string description)
    {
        lock (_gate)
        {
            var entry = new LedgerEntry(RunId, ++_sequence, DateTimeOffset.UtcNow, baseUrl, schoolYear, resource, id, description);
            _file.WriteLine(JsonSerializer.Serialize(entry, JsonOptions));
            return entry;
        }
    }

    /// <summary>Reads a ledger file; a line that does not parse is an error naming the line (nothing is skipped silently).</summary>
    public static IReadOnlyList<LedgerEntry> Read(string path) => [.. ReadNumbered(path).Select(e => e.Entry)];

    /// <summary>As <see cref="Read"/>, with each entry's line number in the file (blank lines are skipped).</summary>
    public static IReadOnlyList<(int Line, LedgerEntry Entry)> ReadNumbered(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"No ledger at '{path}'.", path);
        var entries = new List<(int, LedgerEntry)>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                entries.Add((number, JsonSerializer.Deserialize<LedgerEntry>(line, JsonOptions)
                                     ?? throw new InvalidDataException($"{path}:{number}: empty entry.")));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{number}: not a ledger entry ({ex.Message}).", ex);
            }
        }
        return entries;
    }

    /// <summary>
    /// Reads a ledger for deleting what it names, each entry checked first: a resource name and id that cannot climb
    /// out of the data path, a school year, an absolute http(s) base URL. The first wrong entry is an
    /// <see cref="InvalidDataException"/> naming its line; nothing is deleted on a ledger that is wrong anywhere.
    /// </summary>
    public static IReadOnlyList<(LedgerEntry Entry, Uri BaseUrl)> ReadChecked(string path)
    {
        var checkedEntries = new List<(LedgerEntry, Uri)>();
        foreach (var (line, entry) in ReadNumbered(path))
        {
            var where = $"{path}:{line.ToString(CultureInfo.InvariantCulture)}";
            if (string.IsNullOrEmpty(entry.Resource) || string.IsNullOrEmpty(entry.Id))
                throw new InvalidDataException($"{where}: not a ledger entry (it names no resource and id).");
            if (!ResourceName().IsMatch(entry.Resource))
                throw new InvalidDataException($"{where}: '{entry.Resource}' is not a resource name, e.g. studentSectionAssociations.");
            if (!ResourceId().IsMatch(entry.Id))
                throw new InvalidDataException($"{where}: '{entry.Id}' is not a resource id.");
            if (entry.SchoolYear is < 1990 or > 2100)
                throw new InvalidDataException($"{where}: {entry.SchoolYear.ToString(CultureInfo.InvariantCulture)} is not a school year.");
            var url = EdFiTarget.ParseBaseUrl(entry.BaseUrl)
                      ?? throw new InvalidDataException($"{where}: base URL '{entry.BaseUrl}' is not an absolute http(s) URL.");
            checkedEntries.Add((entry, url));
        }
        return checkedEntries;
    }

    /// <summary>An Ed-Fi resource ("grades") or one with its schema ("wi/…"): nothing that could climb out of the data path.</summary>
    [GeneratedRegex("^(?:[a-z][a-zA-Z0-9-]*/)?[a-zA-Z][a-zA-Z0-9]*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ResourceName();

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ResourceId();

    public void Dispose()
    {
        lock (_gate)
            _file.Dispose();
    }
}
