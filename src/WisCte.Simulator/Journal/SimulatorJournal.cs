using WisCte.Journal;

namespace WisCte.Simulator.Journal;

/// <summary>
/// Every request and response, in order, secrets masked. Kept in memory (the newest <c>capacity</c> entries) for
/// queries, and appended to an NDJSON file, flushed line by line, when a path is given.
/// </summary>
public sealed class SimulatorJournal : IDisposable
{
    private readonly Lock _gate = new();
    private readonly LinkedList<JournalEntry> _entries = new();
    private readonly int _capacity;
    private readonly StreamWriter? _file;
    private long _sequence;

    public SimulatorJournal(string? filePath = null, int capacity = 100_000)
    {
        _capacity = capacity;
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
            _entries.AddLast(numbered);
            if (_entries.Count > _capacity)
                _entries.RemoveFirst();
            _file?.WriteLine(JournalFile.ToLine(numbered));
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

    public void Dispose()
    {
        lock (_gate)
            _file?.Dispose();
    }
}

/// <summary>Which entries to read; with no <see cref="Limit"/>, every entry the journal holds (judging needs them all).</summary>
public sealed record JournalQuery(long AfterSequence = 0, string? ClientId = null, string? PathContains = null, string? Method = null, int Limit = int.MaxValue);
