using System.Text.Json;
using System.Text.Json.Nodes;
using WisCte.Dpi.Baseline;
using WisCte.Dpi.L2;
using WisCte.EdFi.Model;

namespace WisCte.Certification;

/// <summary>One record a SIS left stored: its resource, the id the journal gave it (none for baseline records no write named), natural key and body as bound.</summary>
public sealed class FinalRecord(string resource, string? id, string key, byte[] utf8, long lastWrite)
{
    public string Resource { get; } = resource;
    public string? Id { get; } = id;
    public string Key { get; } = key;

    /// <summary>The journal sequence of the last accepted POST or PUT that wrote it; null for DPI's baseline records.</summary>
    public long? LastWrite { get; } = lastWrite > 0 ? lastWrite : null;

    /// <summary>The body as bound, parsed from the state's compact copy each time it is read: read it once per record.</summary>
    public JsonObject Body => FinalState.Parse(utf8);

    public override string ToString() => $"{Resource} {NaturalKey.Display(Key)}";
}

/// <summary>
/// What a SIS left stored, read from its journal once, forward, in order: per school year, the records of its accepted
/// writes, as WISEdata stored them. A POST (2xx) upserts by natural key (the body bound as the ODS binds it, so member
/// names without regard to case and unknown members dropped), the response's Location id recorded against the key; a
/// PUT (2xx) replaces the record its id names, moving it when its key changes and carrying the change into the records
/// that reference it, as the ODS's ON UPDATE CASCADE does; a DELETE (2xx) removes the record its id names. Refused,
/// failed and dropped requests change nothing; reads are passed over.
/// <para>
/// Cost: one dictionary look-up per key and per reference of each write (no scan of the state per entry), so
/// O(number of entries). Held, per record left: its key and id, its body as UTF-8 (one array the collector need not
/// walk, about a sixth of a JSON tree's size), the facts the LEA's key reads it by (<see cref="RecordAccess"/>), and the
/// records it references whose keys may change (for ON UPDATE CASCADE). A district's million records stay within a
/// CI runner's memory.
/// </para>
/// <para>
/// A PUT or DELETE naming an id no earlier write gave (a journal that begins after the record was made, or an id the
/// SIS read from a GET) is listed in <see cref="UnknownIds"/>; such a PUT still stores its body under its natural key
/// and its id, since the server accepted it as the record's content (a key it changed is not known to have been left).
/// </para>
/// </summary>
public sealed class FinalState
{
    /// <summary>How deep a key change is carried through references of references (as the simulator's KeyCascade).</summary>
    private const int MaxCascadeDepth = 8;

    private readonly SchemaCatalog _schema;
    private readonly Func<SchoolYear, IEnumerable<(string Resource, JsonObject Body)>>? _seed;
    private readonly Dictionary<SchoolYear, YearState> _years = [];
    private readonly List<long> _unknownIds = [];
    private (long Sequence, string Resource, string Key)? _removed;

    /// <param name="seed">What each school year holds before the journal (the baseline), laid down the first time the year is used.</param>
    public FinalState(SchemaCatalog schema, Func<SchoolYear, IEnumerable<(string Resource, JsonObject Body)>>? seed = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema;
        _seed = seed;
    }

    /// <summary>A state whose every year starts with WISEdata's reference data (<see cref="BaselineRecords"/>: the LEA, its schools, calendar, courses, offerings, sections, and DPI's programs of the year).</summary>
    public static FinalState OverBaseline(SchemaCatalog schema)
    {
        var records = BaselineRecords.Embedded();
        return new FinalState(schema, year => BaselineRecords.ForYear(records, year).Select(r => (r.Resource, r.Body)));
    }

    /// <summary>The journal sequences of accepted PUTs and DELETEs whose id no earlier write gave, in order.</summary>
    public IReadOnlyList<long> UnknownIds => _unknownIds;

    /// <summary>Applies the journal's entries in order.</summary>
    public FinalState ApplyAll(IEnumerable<Exchange> exchanges)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        foreach (var exchange in exchanges)
            Apply(exchange);
        return this;
    }

    /// <summary>Applies one journal entry: an accepted write of a resource changes the state; anything else is passed over.</summary>
    public void Apply(Exchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        if (!exchange.IsData || exchange.Status is < 200 or >= 300
            || exchange.Route is not { Year: { } year, Resource: { } endpoint, Rest: null } route
            || _schema.Find(endpoint) is not { } resource)
            return; // descriptors and what the model does not know are not records the rules read
        switch (exchange.Method.ToUpperInvariant())
        {
            case "POST" when route.Id is null && exchange.Written(_schema) is { } written:
                Year(year).Upsert(resource, written, exchange.LocationId, exchange.Sequence);
                break;
            case "PUT" when route.Id is { } id && exchange.Written(_schema) is { } written:
                if (!Year(year).Replace(resource, id, written, exchange.Sequence))
                {
                    _unknownIds.Add(exchange.Sequence);
                    Year(year).Upsert(resource, written, id, exchange.Sequence);
                }
                break;
            case "DELETE" when route.Id is { } id:
                if (Year(year).Remove(resource, id) is { } removed)
                    _removed = (exchange.Sequence, removed.Resource, removed.Key);
                else
                    _unknownIds.Add(exchange.Sequence);
                break;
        }
    }

    /// <summary>The record an accepted DELETE removed (its endpoint and natural key), once the state has applied it; null when its id named no record.</summary>
    public (string Resource, string Key)? RemovedBy(Exchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return _removed is { } removed && removed.Sequence == exchange.Sequence ? (removed.Resource, removed.Key) : null;
    }

    /// <summary>
    /// The journal sequence of the first accepted POST or PUT of a record (by school year, resource and natural key),
    /// the record stored now or one deleted or re-keyed since; null when no write made it.
    /// </summary>
    public long? FirstWriteOf(int? year, string resource, string key) =>
        year is { } endYear && _years.TryGetValue(new SchoolYear(endYear), out var state) && _schema.Find(resource) is { } schema
            ? state.FirstWriteOf(schema.Endpoint, key)
            : null;

    /// <summary>The records of a resource left in a school year, in the order they were first stored (the baseline's first).</summary>
    public IReadOnlyList<FinalRecord> Records(SchoolYear year, string resource) =>
        _schema.Find(resource) is { } schema
            ? [.. Year(year).InOrder(schema.Endpoint).Select(r => new FinalRecord(r.Resource, r.Id, r.Key, r.Utf8, r.LastWrite))]
            : [];

    /// <summary>A school year's records as DPI's L2 rules read them for an LEA (see <see cref="FinalStateDataSet"/>).</summary>
    public IL2DataSet DataSet(SchoolYear year, long localEducationAgencyId) =>
        new FinalStateDataSet(Year(year), _schema, localEducationAgencyId);

    private YearState Year(SchoolYear year)
    {
        if (_years.TryGetValue(year, out var state))
            return state;
        _years[year] = state = new YearState(_schema);
        foreach (var (resource, body) in _seed?.Invoke(year) ?? [])
        {
            var schema = _schema.Find(resource) ?? throw new InvalidDataException($"The baseline has a '{resource}' record, a resource the model does not know.");
            state.Upsert(schema, WrittenBody.Of(_schema, schema, BodyBinder.Bind(schema.Root, body)), id: null, sequence: 0);
        }
        return state;
    }

    internal static JsonObject Parse(byte[] utf8) => (JsonObject)JsonNode.Parse(utf8)!;

    /// <summary>Most records reference nothing whose key may change: one empty list for all of them (never added to).</summary>
    private static readonly List<(string Resource, string Key)> NoReferences = [];

    /// <summary>
    /// The resources whose records' keys may change: those the ODS lets a PUT re-key (<c>allowIdentityUpdates</c>), and
    /// those whose key holds a reference to one (a cascade re-keys them). Only references to these are indexed: a
    /// student's key never changes, so the records naming a student need not be found again.
    /// </summary>
    private static HashSet<string> KeysThatMayChange(SchemaCatalog schema) => Cascading.GetValue(schema, FindKeysThatMayChange);

    // Worked out once per catalogue (the pipeline's threads ask for every write).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SchemaCatalog, HashSet<string>> Cascading = [];

    private static HashSet<string> FindKeysThatMayChange(SchemaCatalog schema)
    {
        var changing = schema.Resources.Where(r => r.AllowIdentityUpdates).Select(r => r.Endpoint).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var resource in schema.Resources.Where(r => !changing.Contains(r.Endpoint)))
            {
                var referenced = resource.IdentityPaths
                    .Select(p => resource.Root.Properties.GetValueOrDefault(p.Split('.')[0])?.ReferenceName)
                    .OfType<string>()
                    .SelectMany(schema.TargetsOf);
                if (referenced.Any(changing.Contains))
                    grew = changing.Add(resource.Endpoint);
            }
        }
        return changing;
    }

    /// <summary>
    /// An accepted write's body as the state takes it, the tree let go: its natural key, the body as UTF-8 (one array the
    /// collector need not walk), the facts the LEA's key reads it by, and, for each reference to a record whose key may
    /// change, the (endpoint, key) of each resource it may name, in the ODS's order. A pure function of the bound body, so
    /// the judgement's pipeline makes it off the main thread.
    /// </summary>
    internal sealed record WrittenBody(string Key, byte[] Utf8, RecordAccess Access, List<(string Resource, string Key)[]> References)
    {
        public static WrittenBody Of(SchemaCatalog catalog, ResourceSchema schema, BindResult bound)
        {
            var body = bound.Document;
            return new(NaturalKey.Of(schema, body), JsonSerializer.SerializeToUtf8Bytes(body), RecordAccess.Of(schema, body), Candidates(catalog, bound.References));
        }

        /// <summary>The body as a tree, parsed from its UTF-8 (for a key change's cascade, which is rare).</summary>
        public JsonObject Body => Parse(Utf8);

        private static readonly List<(string, string)[]> NoCandidates = [];

        private static List<(string, string)[]> Candidates(SchemaCatalog catalog, List<ReferenceUse> uses)
        {
            var cascading = KeysThatMayChange(catalog);
            List<(string, string)[]>? candidates = null;
            foreach (var use in uses)
            {
                var targets = catalog.TargetsOf(use.ReferenceName);
                if (!targets.Any(cascading.Contains))
                    continue;
                var found = new List<(string, string)>(targets.Count);
                foreach (var target in targets.Select(catalog.Find).OfType<ResourceSchema>())
                {
                    if (NaturalKey.OfReference(target, use.Fields) is { } key)
                        found.Add((target.Endpoint, key));
                }
                (candidates ??= []).Add([.. found]);
            }
            return candidates ?? NoCandidates;
        }
    }

    /// <summary>One record as the state holds it (mutable: a write updates it in place, keeping its place in order).</summary>
    internal sealed class Stored
    {
        public required string Resource { get; init; }
        public required long Order { get; init; }
        public required string Key { get; set; }
        public string? Id { get; set; }

        /// <summary>The journal sequences of the first and last accepted writes of the record under its key (0: none, a baseline record).</summary>
        public long FirstWrite { get; set; }

        public long LastWrite { get; set; }

        /// <summary>The body as bound, as UTF-8.</summary>
        public byte[] Utf8 { get; private set; } = [];

        /// <summary>What the LEA's key reads the record by, taken from the body when it is stored.</summary>
        public RecordAccess Access { get; private set; }

        /// <summary>The body, parsed from <see cref="Utf8"/> each time it is read.</summary>
        public JsonObject Body => Parse(Utf8);

        /// <summary>The endpoint and key of each record this one references whose key may change (those the state holds).</summary>
        public List<(string Resource, string Key)> References { get; set; } = NoReferences;

        public void Hold(WrittenBody written) => (Utf8, Access) = (written.Utf8, written.Access);

        public void Hold(byte[] utf8, RecordAccess access) => (Utf8, Access) = (utf8, access);
    }

    /// <summary>One school year's records: by resource and key, by id, and who references whom (for key changes).</summary>
    internal sealed class YearState(SchemaCatalog schema)
    {
        private readonly Dictionary<string, Dictionary<string, Stored>> _byResource = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Stored> _byId = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<(string Resource, string Key), HashSet<Stored>> _referencedBy = [];

        // The first write of each key no record holds any more (deleted, or re-keyed away from it): few, unlike the records.
        private readonly Dictionary<(string Resource, string Key), long> _firstWriteOfGone = [];
        private long _order;

        public Stored? ByKey(string resource, string key) =>
            _byResource.TryGetValue(resource, out var records) ? records.GetValueOrDefault(key) : null;

        /// <summary>The records of a resource in the order they were first stored.</summary>
        public IEnumerable<Stored> InOrder(string resource) =>
            _byResource.TryGetValue(resource, out var records) ? records.Values.OrderBy(r => r.Order) : [];

        /// <summary>A POST: the record with the body's key gets the body (and the id, when the response named one).</summary>
        public long? FirstWriteOf(string resource, string key) =>
            ByKey(resource, key) is { FirstWrite: > 0 } stored ? stored.FirstWrite
            : _firstWriteOfGone.TryGetValue((resource, key), out var first) ? first
            : null;

        public void Upsert(ResourceSchema resource, WrittenBody written, string? id, long sequence)
        {
            var key = written.Key;
            var normalisedId = id is null ? null : NormaliseId(id);
            // The server says this id is the record with this key: a record the state holds under the id with another key is stale.
            if (normalisedId is not null && _byId.TryGetValue(normalisedId, out var named) && (named.Key != key || !Same(named.Resource, resource.Endpoint)))
                Delete(named);
            if (ByKey(resource.Endpoint, key) is { } existing)
            {
                existing.Hold(written);
                existing.LastWrite = sequence;
                Reindex(existing, Resolve(written.References));
                if (normalisedId is not null && existing.Id != normalisedId)
                {
                    if (existing.Id is not null)
                        _byId.Remove(existing.Id);
                    existing.Id = normalisedId;
                    _byId[normalisedId] = existing;
                }
                return;
            }
            var stored = new Stored
            {
                Resource = resource.Endpoint, Order = ++_order, Key = key, Id = normalisedId, FirstWrite = FirstWriteFor(resource.Endpoint, key, sequence), LastWrite = sequence,
            };
            stored.Hold(written);
            Collection(resource.Endpoint)[key] = stored;
            if (normalisedId is not null)
                _byId[normalisedId] = stored;
            Reindex(stored, Resolve(written.References));
        }

        /// <summary>A PUT: false when the id names no record of the resource.</summary>
        public bool Replace(ResourceSchema resource, string id, WrittenBody written, long sequence)
        {
            if (!_byId.TryGetValue(NormaliseId(id), out var stored) || !Same(stored.Resource, resource.Endpoint))
                return false;
            var (oldKey, newKey) = (stored.Key, written.Key);
            stored.Hold(written);
            stored.LastWrite = sequence;
            Reindex(stored, Resolve(written.References));
            if (newKey != oldKey)
            {
                Move(stored, newKey);
                stored.FirstWrite = FirstWriteFor(resource.Endpoint, newKey, sequence);
                Cascade(resource, oldKey, newKey, written.Body, 0);
            }
            return true;
        }

        /// <summary>A DELETE: the record removed, or null when the id names no record of the resource.</summary>
        public Stored? Remove(ResourceSchema resource, string id)
        {
            if (!_byId.TryGetValue(NormaliseId(id), out var stored) || !Same(stored.Resource, resource.Endpoint))
                return null;
            Delete(stored);
            return stored;
        }

        /// <summary>
        /// The ODS's ON UPDATE CASCADE (as the simulator's KeyCascade): each record referencing the old key gets the new
        /// key's values in that reference, and when its own key changes with them, so do the records referencing it.
        /// </summary>
        private void Cascade(ResourceSchema target, string oldKey, string newKey, JsonObject newBody, int depth)
        {
            if (depth >= MaxCascadeDepth || !_referencedBy.TryGetValue((target.Endpoint, oldKey), out var dependents))
                return;
            foreach (var dependent in dependents.OrderBy(d => d.Order).ToList())
            {
                if (schema.Find(dependent.Resource) is not { } dependentSchema)
                    continue;
                var body = dependent.Body;
                foreach (var use in BodyBinder.Bind(dependentSchema.Root, body).References.Where(u =>
                             schema.TargetsOf(u.ReferenceName).Contains(target.Endpoint, StringComparer.OrdinalIgnoreCase)
                             && NaturalKey.OfReference(target, u.Fields) == oldKey))
                {
                    foreach (var (field, _) in use.Fields.ToList())
                    {
                        if (NewValue(target, newBody, field) is { } value)
                            JsonPath.Set(body, $"{use.Path}.{field}", value);
                    }
                }
                dependent.Hold(JsonSerializer.SerializeToUtf8Bytes(body), RecordAccess.Of(dependentSchema, body));
                Reindex(dependent, [.. dependent.References.Select(r => Same(r.Resource, target.Endpoint) && r.Key == oldKey ? (r.Resource, newKey) : r)]);
                var dependentOldKey = dependent.Key;
                var dependentNewKey = NaturalKey.Of(dependentSchema, body);
                if (dependentNewKey != dependentOldKey)
                {
                    Move(dependent, dependentNewKey);
                    Cascade(dependentSchema, dependentOldKey, dependentNewKey, body, depth + 1);
                }
            }
        }

        /// <summary>The referenced record's new value for a reference field, matched by the last name of its identity paths.</summary>
        private static JsonNode? NewValue(ResourceSchema target, JsonObject newBody, string field)
        {
            var path = target.IdentityPaths.FirstOrDefault(p => p[(p.LastIndexOf('.') + 1)..].Equals(field, StringComparison.OrdinalIgnoreCase))
                       ?? (NaturalKey.IsEducationOrganizationId(field) ? target.IdentityPaths.FirstOrDefault(p => NaturalKey.IsEducationOrganizationId(p[(p.LastIndexOf('.') + 1)..])) : null);
            return path is null ? null : JsonPath.Get(newBody, "$." + path)?.DeepClone();
        }

        /// <summary>
        /// The record each reference points at, as the ODS resolves it (the first target resource holding the key), where
        /// that record's key may change; references to records the state does not hold are left out.
        /// </summary>
        private List<(string Resource, string Key)> Resolve(List<(string Resource, string Key)[]> references)
        {
            List<(string, string)>? resolved = null;
            foreach (var candidates in references)
            {
                foreach (var (target, key) in candidates)
                {
                    if (ByKey(target, key) is not null)
                    {
                        (resolved ??= []).Add((target, key));
                        break;
                    }
                }
            }
            return resolved ?? NoReferences;
        }

        /// <summary>A write's first write under a key: that of an earlier record the key had, else this write.</summary>
        private long FirstWriteFor(string resource, string key, long sequence) =>
            _firstWriteOfGone.Remove((resource, key), out var earlier) ? earlier : sequence;

        private void Move(Stored stored, string newKey)
        {
            var collection = Collection(stored.Resource);
            collection.Remove(stored.Key);
            Forget(stored);
            // The server refuses a key another record has; a record the state still holds under it is stale.
            if (collection.TryGetValue(newKey, out var occupant))
                Delete(occupant);
            stored.Key = newKey;
            collection[newKey] = stored;
        }

        private void Delete(Stored stored)
        {
            Collection(stored.Resource).Remove(stored.Key);
            Forget(stored);
            if (stored.Id is not null)
                _byId.Remove(stored.Id);
            Reindex(stored, NoReferences);
        }

        /// <summary>A record leaves its key: the key's first write is kept, for a record that names it later.</summary>
        private void Forget(Stored stored)
        {
            if (stored.FirstWrite > 0)
                _firstWriteOfGone.TryAdd((stored.Resource, stored.Key), stored.FirstWrite);
        }

        private void Reindex(Stored stored, List<(string Resource, string Key)> references)
        {
            foreach (var reference in stored.References)
            {
                if (_referencedBy.TryGetValue(reference, out var set) && set.Remove(stored) && set.Count == 0)
                    _referencedBy.Remove(reference);
            }
            stored.References = references;
            foreach (var reference in references)
            {
                if (!_referencedBy.TryGetValue(reference, out var set))
                    _referencedBy[reference] = set = [];
                set.Add(stored);
            }
        }

        private Dictionary<string, Stored> Collection(string resource)
        {
            if (!_byResource.TryGetValue(resource, out var records))
                _byResource[resource] = records = new Dictionary<string, Stored>(StringComparer.Ordinal);
            return records;
        }

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        /// <summary>An id as the ODS reads it from a route: a GUID in any of its spellings, written as the ODS writes ids (32 hex digits).</summary>
        private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

        private static string NormaliseId(string id) =>
            id.Length == 32 && id.AsSpan().IndexOfAnyExcept(LowerHex) < 0 ? id // already so (as the simulator's ids are)
            : Guid.TryParse(id, out var guid) ? guid.ToString("N") : id;
    }
}
