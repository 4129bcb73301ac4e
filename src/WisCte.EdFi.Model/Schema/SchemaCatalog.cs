using System.Text.Json.Nodes;

namespace WisCte.EdFi.Model;

/// <summary>
/// Every resource the simulator serves, from fixtures/edfi/resources.json: behaviour follows this data (keys,
/// references, required fields, descriptor fields, collections), not a handler per resource.
/// </summary>
public sealed class SchemaCatalog
{
    private readonly Dictionary<string, ResourceSchema> _resources;
    private readonly Dictionary<string, IReadOnlyList<string>> _referenceTargets;

    private SchemaCatalog(Dictionary<string, ResourceSchema> resources, Dictionary<string, IReadOnlyList<string>> referenceTargets, IReadOnlyList<string> descriptorTypes)
    {
        DescriptorTypes = descriptorTypes;
        _resources = resources;
        _referenceTargets = referenceTargets;
    }

    /// <summary>The one shape of every descriptor resource (namespace, codeValue, shortDescription…).</summary>
    public PropertySchema DescriptorShape { get; private init; } = new() { Name = "descriptor", Type = "object" };

    /// <summary>Every descriptor type of the data standard (AcademicSubjectDescriptor…), those with no default values too.</summary>
    public IReadOnlyList<string> DescriptorTypes { get; }

    public ResourceSchema? Find(string endpoint) => _resources.GetValueOrDefault(endpoint);

    /// <summary>Every resource of the model.</summary>
    public IEnumerable<ResourceSchema> Resources => _resources.Values;

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

    private static string QueryNameOf(PropertySchema root, string path)
    {
        var property = path.Split('.').Aggregate((PropertySchema?)root, (p, name) => p?.Properties.GetValueOrDefault(name));
        return property?.QueryName ?? path[(path.LastIndexOf('.') + 1)..];
    }

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
                UnifiedKeys = [.. (resource["unifiedKeys"] as JsonArray ?? []).Select(k => new UnifiedKey(
                    k!["queryName"]!.GetValue<string>(),
                    [.. k["paths"]!.AsArray().Select(p => p!.GetValue<string>())]))],
                Root = PropertySchema.Parse(endpoint, new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = resource["properties"]?.DeepClone(),
                    ["required"] = resource["required"]?.DeepClone(),
                }),
            };
            if (resources[endpoint].IdentityPaths.Count == 0)
                throw new InvalidDataException($"resources.json: '{endpoint}' has no identityJsonPaths.");
            resources[endpoint].IdentityQueryNames = [.. resources[endpoint].IdentityPaths.Select(p => QueryNameOf(resources[endpoint].Root, p))];
        }

        var targets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, node) in root["referenceTargets"] as JsonObject ?? [])
            targets[name] = [.. (node as JsonArray ?? []).Select(t => t!.GetValue<string>())];

        var descriptorTypes = (root["descriptorTypes"] as JsonArray ?? []).Select(t => t!.GetValue<string>()).ToList();
        var shape = root["descriptor"] as JsonObject;
        return new SchemaCatalog(resources, targets, descriptorTypes)
        {
            DescriptorShape = PropertySchema.Parse("descriptor", new JsonObject
            {
                ["type"] = "object",
                ["properties"] = shape?["properties"]?.DeepClone(),
                ["required"] = shape?["required"]?.DeepClone(),
            }),
        };
    }
}
