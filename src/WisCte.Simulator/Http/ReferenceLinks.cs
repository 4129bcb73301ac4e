using System.Text.Json.Nodes;
using WisCte.Simulator.Store;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Http;

/// <summary>
/// The ODS's reference links: every reference object in a GET response carries
/// <c>"link": {"rel": "School", "href": "/ed-fi/schools/{id}"}</c>, naming the record it points at. They are built
/// for the response only and never stored; a <c>link</c> a client sends is dropped before binding.
/// </summary>
internal static class ReferenceLinks
{
    public const string Member = "link";

    /// <summary>
    /// Every resource the simulator models is an Ed-Fi core resource (DPI's additions ride in <c>_ext.WI</c>), so its
    /// route, and a link's href, is under /ed-fi/. A WI extension resource would be under /wi/.
    /// </summary>
    private const string SchemaSegment = "ed-fi";

    /// <summary>
    /// Adds a link to each reference object of <paramref name="response"/> (<paramref name="document"/> as a GET returns
    /// it), nested ones in collections and <c>_ext</c> included. The record a reference points at is found by the
    /// endpoint and natural key the write resolved it to (<see cref="StoredDocument.References"/>, in the order the
    /// binder met the references, which is the body's order): one key lookup per reference, no scans. Should that
    /// list not line up with the body, the reference is resolved as the 409 unresolved-reference check does, target
    /// by target. Call it inside the store's lock.
    /// </summary>
    public static void Add(SchemaCatalog catalog, YearStore store, ResourceSchema resource, StoredDocument document, JsonObject response)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(response);
        new Linker(catalog, store, document.References).Walk(resource.Root, response);
    }

    /// <summary>Removes every <c>link</c> member from the reference objects of a request body: links are the server's.</summary>
    public static void Strip(PropertySchema shape, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(body);
        foreach (var (name, value) in body)
        {
            if (!shape.Properties.TryGetValue(name, out var property))
                continue;
            if (value is JsonObject child && property.IsObject)
                Strip(property, child);
            else if (value is JsonArray items && property is { IsArray: true, Items: { } itemShape })
            {
                foreach (var item in items.OfType<JsonObject>())
                    Strip(itemShape, item);
            }
        }
        if (shape.ReferenceName is null)
            return;
        foreach (var key in body.Select(p => p.Key).Where(k => k.Equals(Member, StringComparison.OrdinalIgnoreCase)).ToList())
            body.Remove(key);
    }

    private sealed class Linker(SchemaCatalog catalog, YearStore store, IReadOnlyList<(string Resource, string Key)> resolved)
    {
        private int _next;
        private bool _inStep = true;

        /// <summary>The body's objects in the order <see cref="BodyBinder"/> collects references: members first, then the object.</summary>
        public void Walk(PropertySchema shape, JsonObject obj)
        {
            foreach (var (name, value) in obj)
            {
                if (!shape.Properties.TryGetValue(name, out var property))
                    continue;
                if (value is JsonObject child && property.IsObject)
                    Walk(property, child);
                else if (value is JsonArray items && property is { IsArray: true, Items: { } itemShape })
                {
                    foreach (var item in items.OfType<JsonObject>())
                        Walk(itemShape, item);
                }
            }
            if (shape.ReferenceName is not null && obj.Count > 0 && Link(shape.ReferenceName, obj) is { } link)
                obj[Member] = link;
        }

        private JsonObject? Link(string referenceName, JsonObject reference)
        {
            var targets = catalog.TargetsOf(referenceName);
            if (targets.Count == 0)
                return null; // a reference the simulator does not model: the write did not resolve it either
            var (target, referenced) = _inStep ? FromResolved(targets, reference) : (null, null);
            if (target is null)
            {
                _inStep = false;
                (target, referenced) = ByTargets(targets, reference);
            }
            return target is null || referenced is null
                ? null
                : new JsonObject
                {
                    ["rel"] = target.ResourceName,
                    ["href"] = $"/{SchemaSegment}/{target.Endpoint}/{referenced.IdText}",
                };
        }

        /// <summary>The next endpoint and key the write resolved, when they are this reference's.</summary>
        private (ResourceSchema?, StoredDocument?) FromResolved(IReadOnlyList<string> targets, JsonObject reference)
        {
            if (_next >= resolved.Count)
                return (null, null);
            var (endpoint, key) = resolved[_next];
            if (!targets.Contains(endpoint, StringComparer.OrdinalIgnoreCase) || catalog.Find(endpoint) is not { } target
                || NaturalKey.OfReference(target, reference) != key)
                return (null, null);
            _next++;
            return (target, store.ByKey(target.Endpoint, key));
        }

        /// <summary>As <see cref="ReferenceResolver"/>: the first target that holds the reference's key.</summary>
        private (ResourceSchema?, StoredDocument?) ByTargets(IReadOnlyList<string> targets, JsonObject reference)
        {
            foreach (var endpoint in targets)
            {
                if (catalog.Find(endpoint) is { } target && NaturalKey.OfReference(target, reference) is { } key
                    && store.ByKey(target.Endpoint, key) is { } referenced)
                    return (target, referenced);
            }
            return (null, null); // points at nothing stored
        }
    }
}
