using WisCte.Dpi;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Store;

/// <summary>
/// The data of one school year (WISEdata has a database per year). Every multi-step operation runs inside
/// <see cref="Atomically{T}"/>, so concurrent writers on one natural key serialise and no write is half applied.
/// </summary>
internal sealed class YearStore(SchoolYear year)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Collection> _collections = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<Guid>> _referencedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, StoredDocument> _all = [];
    private readonly EnrolmentIndex _enrolments = new();
    private readonly Dictionary<string, (long Version, List<StoredDocument> Matches)> _reads = new(StringComparer.Ordinal);
    private long _sequence;
    private long _version;

    public SchoolYear Year { get; } = year;

    public T Atomically<T>(Func<YearStore, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
            return action(this);
    }

    public long NextSequence() => ++_sequence;

    /// <summary>A new ETag: the next sequence number, so that every change gets one never used before.</summary>
    public string NextETag() => NextSequence().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public StoredDocument? ById(Guid id) => _all.GetValueOrDefault(id);

    public StoredDocument? ByKey(string resource, string key) =>
        _collections.TryGetValue(resource, out var c) && c.ByKey.TryGetValue(key, out var id) ? _all[id] : null;

    /// <summary>The items of a resource in insertion order (a copy: safe to use after the lock is released).</summary>
    public IReadOnlyList<StoredDocument> All(string resource) =>
        _collections.TryGetValue(resource, out var c) ? [.. c.Ordered.Values] : [];


    /// <summary>
    /// The items of a resource a reader may see (<paramref name="reader"/> names the reader and its query; the same name,
    /// the same filter), in insertion order. Kept until the year's data changes, so paging through a resource costs one
    /// pass and then O(page) a page, not O(offset). Only inside <see cref="Atomically{T}"/>; the list is not to be changed.
    /// </summary>
    public IReadOnlyList<StoredDocument> Matching(string resource, string reader, Func<StoredDocument, bool> visible)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var key = resource.ToUpperInvariant() + "\n" + reader;
        if (_reads.TryGetValue(key, out var read) && read.Version == _version)
            return read.Matches;
        if (_reads.Count >= 64)
            _reads.Clear();
        var matches = _collections.TryGetValue(resource, out var c) ? c.Ordered.Values.Where(visible).ToList() : [];
        _reads[key] = (_version, matches);
        return matches;
    }

    /// <summary>
    /// The schools where a student has a studentSchoolAssociation (the student by its natural key, as
    /// <see cref="StudentKey"/> makes it from a studentUniqueId): what relationship-based authorization asks.
    /// </summary>
    public IReadOnlyCollection<long> EnrolmentSchools(string studentKey) => _enrolments.SchoolsOf(studentKey);

    /// <summary>A studentUniqueId as <see cref="EnrolmentSchools"/> takes it (a student's natural key); null for no value.</summary>
    public static string? StudentKey(System.Text.Json.Nodes.JsonNode? studentUniqueId) => EnrolmentIndex.StudentKey(studentUniqueId);

    /// <summary>Items that reference the given one (what makes a delete a 409 dependent-item-exists).</summary>
    public IReadOnlyList<StoredDocument> ReferencesTo(string resource, string key) =>
        _referencedBy.TryGetValue(RefKey(resource, key), out var ids) ? [.. ids.Select(id => _all[id]).OrderBy(d => d.Sequence)] : [];

    /// <summary>Stores a new item or replaces one with the same id (whose natural key may have changed).</summary>
    public void Put(StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _version++;
        if (_all.TryGetValue(document.Id, out var previous))
            Unindex(previous);
        _all[document.Id] = document;
        var collection = CollectionOf(document.Resource);
        collection.ByKey[document.Key] = document.Id;
        collection.Ordered[document.Sequence] = document;
        foreach (var (resource, key) in document.References)
        {
            var refKey = RefKey(resource, key);
            if (!_referencedBy.TryGetValue(refKey, out var ids))
                _referencedBy[refKey] = ids = [];
            ids.Add(document.Id);
        }
        _enrolments.Add(document);
    }

    public bool Remove(Guid id)
    {
        if (!_all.Remove(id, out var document))
            return false;
        _version++;
        Unindex(document);
        return true;
    }

    private void Unindex(StoredDocument document)
    {
        _enrolments.Remove(document);
        var collection = CollectionOf(document.Resource);
        collection.ByKey.Remove(document.Key);
        collection.Ordered.Remove(document.Sequence);
        foreach (var (resource, key) in document.References)
        {
            var refKey = RefKey(resource, key);
            if (_referencedBy.TryGetValue(refKey, out var ids) && ids.Remove(document.Id) && ids.Count == 0)
                _referencedBy.Remove(refKey);
        }
    }

    private Collection CollectionOf(string resource)
    {
        if (!_collections.TryGetValue(resource, out var collection))
            _collections[resource] = collection = new Collection();
        return collection;
    }

    private static string RefKey(string resource, string key) => resource.ToUpperInvariant() + "|" + key;

    private sealed class Collection
    {
        public Dictionary<string, Guid> ByKey { get; } = new(StringComparer.Ordinal);
        public SortedList<long, StoredDocument> Ordered { get; } = [];
    }
}
