using System.Text.Json;
using System.Text.Json.Serialization;

namespace WisCte.Simulator.Journal;

/// <summary>
/// Every request and response, in order, secrets masked. Kept in memory (the newest <c>capacity</c> entries) for
/// queries, and appended to an NDJSON file, flushed line by line, when a path is given.
/// </summary>
public sealed class SimulatorJournal : IDisposable
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Readable bodies in the file: quotes and ampersands as they are. The file is data, never served as HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Lock _gate = new();
    private readonly LinkedList<JournalEntry> _entries = new();
    private readonly int _capacity;
    private readonly StreamWriter? _file;
    private long _sequence;

    public SimulatorJournal(string? filePath = null, int capacity = 100_000)
    {
        _capacity = capacity;
        if (filePath is null)
            return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(filePath));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        _file = new StreamWriter(new FileStream(filePath, FileMode.Create, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    public long Count
    {
        get
        {
            lock (_gate)
                return _sequence;
        }
    }

    /// <summary>Adds an entry, numbering it; the caller's sequence is ignored.</summary>
    public JournalEntry Append(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var numbered = entry with { Sequence = ++_sequence };
            _entries.AddLast(numbered);
            if (_entries.Count > _capacity)
                _entries.RemoveFirst();
            _file?.WriteLine(JsonSerializer.Serialize(numbered, JsonOptions));
            return numbered;
        }
    }

    public IReadOnlyList<JournalEntry> Query(JournalQuery? query = null)
    {
        query ??= new JournalQuery();
        lock (_gate)
        {
            return [.. _entries.Where(e =>
                    e.Sequence > query.AfterSequence
                    && (query.ClientId is null || string.Equals(e.ClientId, query.ClientId, StringComparison.Ordinal))
                    && (query.PathContains is null || e.Path.Contains(query.PathContains, StringComparison.OrdinalIgnoreCase))
                    && (query.Method is null || string.Equals(e.Method, query.Method, StringComparison.OrdinalIgnoreCase)))
                .Take(query.Limit)];
        }
    }

    /// <summary>Reads a journal file; a line that is not an entry is an <see cref="InvalidDataException"/> naming file and line.</summary>
    public static IEnumerable<JournalEntry> ReadFile(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            JournalEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<JournalEntry>(line, JsonOptions);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{number}: not a journal entry ({ex.Message}).", ex);
            }
            yield return entry ?? throw new InvalidDataException($"{path}:{number}: empty entry.");
        }
    }

    public void Dispose()
    {
        lock (_gate)
            _file?.Dispose();
    }
}

/// <summary>Which entries to read; with no <see cref="Limit"/>, every entry the journal holds (judging needs them all).</summary>
public sealed record JournalQuery(long AfterSequence = 0, string? ClientId = null, string? PathContains = null, string? Method = null, int Limit = int.MaxValue);
