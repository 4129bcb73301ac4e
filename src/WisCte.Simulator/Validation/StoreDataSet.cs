using WisCte.Dpi.Validation;
using WisCte.Simulator.Http;
using WisCte.Simulator.Store;

namespace WisCte.Simulator.Validation;

/// <summary>One LEA's records of one school year in the simulator's store, as the L2 rules read them (DPI's reference data included).</summary>
public sealed class StoreDataSet(YearStore store, long localEducationAgencyId, Func<string, bool> isDpiOwned) : IL2DataSet
{
    private readonly Dictionary<string, IReadOnlyList<L2Record>> _cache = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<L2Record> Records(string resource)
    {
        if (_cache.TryGetValue(resource, out var cached))
            return cached;
        var records = store.Atomically(s => s.All(resource)
            .Where(d => isDpiOwned(resource) || LeaScope.Allows(localEducationAgencyId, d, s))
            .Select(d => new L2Record(d.IdText, d.Body))
            .ToList());
        _cache[resource] = records;
        return records;
    }
}
