using System.Text.Json.Nodes;

namespace WisCte.Simulator.Schema;

/// <summary>
/// Every resource the simulator serves, from fixtures/edfi/resources.json: behaviour follows this data (keys,
/// references, required fields, descriptor fields, collections), not a handler per resource.
/// </summary>
public sealed class SchemaCatalog
{
    private readonly Dictionary<string, ResourceSchema> _resources;
    private readonly Dictionary<string, IReadOnlyList<string>> _referenceTargets;

    private SchemaCatalog(Dictionary<string, ResourceSchema> resources, Dictionary<string, IReadOnlyList<string>> referenceTargets)
    {
        _resources = resources;
        _referenceTargets = referenceTargets;
    }

    public ResourceSchema? Find(string endpoint) => _resources.GetValueOrDefault(endpoint);

    /// <summary>The endpoints a reference may point at (an EducationOrganizationReference: schools, LEAs, the SEA).</summary>
    public IReadOnlyList<string> TargetsOf(string referenceName) => _referenceTargets.GetValueOrDefault(referenceName) ?? [];

    /// <summary>The schema embedded from fixtures/edfi/resources.json, parsed once: it is read-only, so simulators and judgements share it.</summary>
    public static SchemaCatalog Embedded() => EmbeddedCatalog.Value;

    private static readonly Lazy<SchemaCatalog> EmbeddedCatalog = new(() =>
    {
        using var stream = typeof(SchemaCatalog).Assembly.GetManifestResourceStream("edfi/resources.json")
                           ?? throw new InvalidOperationException("fixtures/edfi/resources.json is not embedded in WisCte.Simulator.");
        return Load(stream);
    });

    public static SchemaCatalog Load(Stream json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("resources.json is not a JSON object.");
        var resources = new Dictionary<string, ResourceSchema>(StringComparer.OrdinalIgnoreCase);
        foreach (var (endpoint, node) in root["resources"] as JsonObject ?? throw new InvalidDataException("resources.json has no 'resources'."))
        {
            var resource = node as JsonObject ?? throw new InvalidDataException($"resources.json: '{endpoint}' is not an object.");
            resources[endpoint] = new ResourceSchema
            {
                Endpoint = endpoint,
                ResourceName = resource["resourceName"]?.GetValue<string>() ?? endpoint,
                IdentityPaths = [.. (resource["identityJsonPaths"] as JsonArray ?? []).Select(p => p!.GetValue<string>().TrimStart('$', '.'))],
                AllowIdentityUpdates = resource["allowIdentityUpdates"]?.GetValue<bool>() ?? false,
                IsOwnedByDpi = string.Equals(resource["owner"]?.GetValue<string>(), "dpi", StringComparison.OrdinalIgnoreCase),
                Root = PropertySchema.Parse(endpoint, new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = resource["properties"]?.DeepClone(),
                    ["required"] = resource["required"]?.DeepClone(),
                }),
            };
            if (resources[endpoint].IdentityPaths.Count == 0)
                throw new InvalidDataException($"resources.json: '{endpoint}' has no identityJsonPaths.");
        }

        var targets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, node) in root["referenceTargets"] as JsonObject ?? [])
            targets[name] = [.. (node as JsonArray ?? []).Select(t => t!.GetValue<string>())];

        return new SchemaCatalog(resources, targets);
    }
}
