using WisCte.EdFi.Model;

namespace WisCte.Simulator.Store;

/// <summary>Finds the stored record each reference of a bound body points at (POSTs, PUTs and the baseline alike).</summary>
internal static class ReferenceResolver
{
    /// <summary>
    /// The first reference that points at nothing stored, or null when all resolve (<paramref name="resolved"/>: the
    /// endpoint and key of each). A reference to something the simulator does not model is skipped.
    /// </summary>
    public static ReferenceUse? Resolve(SchemaCatalog schema, YearStore store, IReadOnlyList<ReferenceUse> uses, out IReadOnlyList<(string Endpoint, string Key)> resolved)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(uses);
        var found = new List<(string, string)>();
        resolved = found;
        foreach (var use in uses)
        {
            var targets = schema.TargetsOf(use.ReferenceName);
            if (targets.Count == 0)
                continue;
            var match = targets
                .Select(schema.Find)
                .OfType<ResourceSchema>()
                .Select(t => (Target: t, Key: NaturalKey.OfReference(t, use.Fields)))
                .FirstOrDefault(t => t.Key is not null && store.ByKey(t.Target.Endpoint, t.Key) is not null);
            if (match.Target is null)
                return use;
            found.Add((match.Target.Endpoint, match.Key!));
        }
        return null;
    }
}
