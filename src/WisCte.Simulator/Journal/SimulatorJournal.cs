using WisCte.Journal;

namespace WisCte.Simulator.Journal;

/// <summary>
/// Every request and response, in order, secrets masked. With a file path, the file is the journal: each entry is
/// appended as a line, flushed, and queries read the file back, so a district-size run holds no bodies in memory.
/// Without one, the newest <c>capacity</c> entries are kept in memory for queries.
/// </summary>
public sealed class SimulatorJournal : IDisposable
{
    private readonly Lock _gate = new();
    private readonly LinkedList<JournalEntry> _entries = new();
    private readonly int _capacity;
    private readonly string? _path;
    private readonly StreamWriter? _file;
    private long _sequence;

    public SimulatorJournal(string? filePath = null, int capacity = 100_000)
    {
        _capacity = filePath is null ? capacity : 0;
        _path = filePath;
        if (filePath is not null)
            _file = JournalFile.Create(filePath);
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
            if (_capacity > 0)
            {
                _entries.AddLast(numbered);
                if (_entries.Count > _capacity)
                    _entries.RemoveFirst();
            }
            _file?.WriteLine(JournalFile.ToLine(numbered));
            return numbered;
        }
    }

    public IReadOnlyList<JournalEntry> Query(JournalQuery? query = null) => [.. Entries(query)];

    /// <summary>
    /// The entries a query selects, in order, streamed: read back from the file when there is one (up to the last entry
    /// appended when the call began, so a line being written is never read half), else from memory.
    /// </summary>
    public IEnumerable<JournalEntry> Entries(JournalQuery? query = null)
    {
        query ??= new JournalQuery();
        if (_path is null)
        {
            lock (_gate)
                return [.. _entries.Where(query.Selects).Take(query.Limit)];
        }
        long last;
        lock (_gate)
            last = _sequence;
        return JournalFile.Read(_path).TakeWhile(e => e.Sequence <= last).Where(query.Selects).Take(query.Limit);
    }

    public void Dispose()
    {
        lock (_gate)
            _file?.Dispose();
    }
}

/// <summary>Which entries to read; with no <see cref="Limit"/>, every entry the journal holds (judging needs them all).</summary>
public sealed record JournalQuery(long AfterSequence = 0, string? ClientId = null, string? PathContains = null, string? Method = null, int Limit = int.MaxValue)
{
    public bool Selects(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Sequence > AfterSequence
               && (ClientId is null || string.Equals(entry.ClientId, ClientId, StringComparison.Ordinal))
               && (PathContains is null || entry.Path.Contains(PathContains, StringComparison.OrdinalIgnoreCase))
               && (Method is null || string.Equals(entry.Method, Method, StringComparison.OrdinalIgnoreCase));
    }
}
