using System.Text.Json.Nodes;
using WisCte.Simulator.Hosting;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Store;

/// <summary>
/// When a record's natural key changes (where Ed-Fi allows it), the ODS cascades the change into every record that
/// references it (its foreign keys are ON UPDATE CASCADE), and on into theirs when their own key changes with it.
/// Runs inside the store's lock, as part of the PUT.
/// </summary>
internal static class KeyCascade
{
    private const int MaxDepth = 8;

    public static void Apply(SimulatorState state, YearStore store, ResourceSchema target, string oldKey, string newKey, JsonObject newBody, DateTimeOffset now, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(target);
        if (depth >= MaxDepth)
            return;
        foreach (var dependent in store.ReferencesTo(target.Endpoint, oldKey))
        {
            if (state.Schema.Find(dependent.Resource) is not { } schema)
                continue;
            var body = (JsonObject)dependent.Body.DeepClone();
            foreach (var use in BodyBinder.Bind(schema.Root, body).References.Where(u =>
                         state.Schema.TargetsOf(u.ReferenceName).Contains(target.Endpoint, StringComparer.OrdinalIgnoreCase)
                         && NaturalKey.OfReference(target, u.Fields) == oldKey))
            {
                foreach (var (field, _) in use.Fields.ToList())
                {
                    if (NewValue(target, newBody, field) is { } value)
                        JsonPath.Set(body, $"{use.Path}.{field}", value);
                }
            }
            var dependentKey = NaturalKey.Of(schema, body);
            store.Put(dependent with
            {
                Body = body,
                Key = dependentKey,
                References = [.. dependent.References.Select(r => r.Resource.Equals(target.Endpoint, StringComparison.OrdinalIgnoreCase) && r.Key == oldKey ? (r.Resource, newKey) : r)],
                ETag = store.NextETag(),
                LastModified = now,
            });
            if (dependentKey != dependent.Key)
                Apply(state, store, schema, dependent.Key, dependentKey, body, now, depth + 1);
        }
    }

    /// <summary>The referenced record's new value for a reference field, matched by the last name of its identity paths.</summary>
    private static JsonNode? NewValue(ResourceSchema target, JsonObject newBody, string field)
    {
        var path = target.IdentityPaths.FirstOrDefault(p => p[(p.LastIndexOf('.') + 1)..].Equals(field, StringComparison.OrdinalIgnoreCase))
                   ?? (NaturalKey.IsEducationOrganizationId(field) ? target.IdentityPaths.FirstOrDefault(p => NaturalKey.IsEducationOrganizationId(p[(p.LastIndexOf('.') + 1)..])) : null);
        return path is null ? null : JsonPath.Get(newBody, "$." + path)?.DeepClone();
    }
}
