using WisCte.Dpi.L2;
using WisCte.Simulator.Http;
using WisCte.Simulator.Store;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Validation;

/// <summary>
/// One LEA's records of one school year in the simulator's store, as the L2 rules read them: DPI's reference data, and
/// what the LEA's key may read through the API (<see cref="RelationshipAuthorization"/>: its education organizations,
/// and students enrolled at its schools).
/// </summary>
internal sealed class StoreDataSet(YearStore store, long localEducationAgencyId, SchemaCatalog schema) : IL2DataSet
{
    private readonly Dictionary<string, IReadOnlyList<L2Record>> _cache = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<L2Record> Records(string resource)
    {
        lock (_cache)
            return Readable(resource);
    }

    private IReadOnlyList<L2Record> Readable(string resource)
    {
        if (_cache.TryGetValue(resource, out var cached))
            return cached;
        var resourceSchema = schema.Find(resource);
        var records = resourceSchema is null
            ? []
            : store.Atomically(s => s.All(resource)
                .Where(d => resourceSchema.IsOwnedByDpi || RelationshipAuthorization.Allows(localEducationAgencyId, resourceSchema, d.Body, s, DataAction.Read))
                .Select(d => new L2Record(d.IdText, d.Body))
                .ToList());
        _cache[resource] = records;
        return records;
    }
}
