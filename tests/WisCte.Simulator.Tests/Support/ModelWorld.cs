using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace WisCte.Simulator.Tests.Support;

/// <summary>
/// Bodies for any Ed-Fi resource, made from the generated model (fixtures/edfi/resources.json) and Ed-Fi's default
/// descriptor files, never from what the simulator knows: a member the model has and the simulator drops fails a test.
/// The resource under test gets every member (collections with two items); the records it references are made first,
/// with their required members only, so that every reference resolves. Values follow from the member's name and a
/// variant number, so a reference and the record it names agree, and two variants differ in every value.
/// </summary>
public sealed class ModelWorld(TestClient client)
{
    public static readonly JsonObject Model = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Root, "fixtures", "edfi", "resources.json")))!;
    public static readonly JsonObject Resources = Model["resources"]!.AsObject();
    private static readonly JsonObject Targets = Model["referenceTargets"]!.AsObject();
    private static readonly Dictionary<string, List<string>> DescriptorUris = ReadDescriptorDefaults();
    private static readonly string[] DescriptorTypes = [.. Model["descriptorTypes"]!.AsArray().Select(t => t!.GetValue<string>())];
    private readonly HashSet<string> _postedDescriptors = new(StringComparer.Ordinal);
    private static readonly string[] ServerMembers = ["id", "_etag", "_lastModifiedDate"];

    /// <summary>The year the simulator's default route serves; school-year members take it so the year types exist.</summary>
    public const int SchoolYear = 2026;

    private readonly Dictionary<(string Endpoint, int Variant), JsonObject> _made = [];

    /// <summary>Every resource with an endpoint, for TestCaseSource.</summary>
    public static IEnumerable<string> Endpoints() => Resources.Select(r => r.Key).Order(StringComparer.Ordinal);

    public static JsonObject Resource(string endpoint) => Resources[endpoint]!.AsObject();

    /// <summary>The full body of the resource under test; every record it references is posted first.</summary>
    public async Task<JsonObject> FullBodyAsync(string endpoint, int variant)
    {
        var resource = Resource(endpoint);
        var body = await ObjectAsync(resource["properties"]!.AsObject(), Required(resource), variant, full: true, self: endpoint);
        // A key the resource shares with its references (a chart of account's fiscalYear) takes the references' value,
        // as a correct client sends it.
        foreach (var shared in resource["unifiedKeys"] as JsonArray ?? [])
        {
            var paths = shared!["paths"]!.AsArray().Select(p => p!.GetValue<string>().Split('.')).ToList();
            var fromReference = paths.FirstOrDefault(p => p.Length == 2);
            if (fromReference is null)
                continue;
            var value = body[fromReference[0]]![fromReference[1]]!.DeepClone();
            foreach (var path in paths)
            {
                if (path.Length == 1)
                    body[path[0]] = value.DeepClone();
                else
                    body[path[0]]![path[1]] = value.DeepClone();
            }
        }
        return body;
    }

    /// <summary>A required-members-only record of the endpoint, posted once per variant; its body.</summary>
    public async Task<JsonObject> EnsureAsync(string endpoint, int variant)
    {
        if (_made.TryGetValue((endpoint, variant), out var made))
            return made;
        var resource = Resource(endpoint);
        var body = await ObjectAsync(resource["properties"]!.AsObject(), Required(resource), variant, full: false, self: endpoint);
        var response = await client.PostAsync(endpoint, body);
        if (response.Code is not (200 or 201))
            throw new InvalidOperationException($"Setting up {endpoint} (variant {variant}) was refused: {response}\nbody: {body.ToJsonString()}");
        _made[(endpoint, variant)] = body;
        return body;
    }

    /// <summary>The natural-key members of a body, as (query-parameter name, value) pairs the ODS's GET takes.</summary>
    public static IEnumerable<(string QueryName, string Value)> KeyQuery(string endpoint, JsonObject body) =>
        KeyMembers(endpoint, body).DistinctBy(k => k.QueryName, StringComparer.Ordinal); // a shared key is one parameter

    private static IEnumerable<(string QueryName, string Value)> KeyMembers(string endpoint, JsonObject body)
    {
        var properties = Resource(endpoint)["properties"]!.AsObject();
        foreach (var path in Resource(endpoint)["identityJsonPaths"]!.AsArray().Select(p => p!.GetValue<string>()[2..]))
        {
            var parts = path.Split('.');
            var node = parts.Length == 1 ? properties[parts[0]] : properties[parts[0]]!["properties"]![parts[1]];
            var value = parts.Aggregate((JsonNode?)body, (n, p) => n?[p]);
            yield return (node!["queryName"]!.GetValue<string>(), value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : value!.ToJsonString());
        }
    }

    /// <summary>
    /// Reference members whose ODS query parameter carries a role name (a grade's gradingPeriodReference.schoolYear is
    /// gradingPeriodSchoolYear), with the body's value: the parameters a SIS uses to find a record by natural key.
    /// </summary>
    public static IEnumerable<(string Parameter, string Value)> RoleNamedParameters(string endpoint, JsonObject body)
    {
        foreach (var (name, schema) in Resource(endpoint)["properties"]!.AsObject())
        {
            if (schema!["reference"] is null || body[name] is not JsonObject reference)
                continue;
            foreach (var (member, memberSchema) in schema["properties"]!.AsObject())
            {
                var parameter = memberSchema!["queryName"]!.GetValue<string>();
                if (parameter != member && reference[member] is JsonValue value)
                    yield return (parameter, value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString());
            }
        }
    }

    /// <summary>
    /// Members of a collection the ODS also takes as query parameters (a course's identificationCodes[].identificationCode
    /// as identificationCode), with the second item's value: a record matches when any of its items does.
    /// </summary>
    public static IEnumerable<(string Parameter, string Value)> CollectionParameters(string endpoint, JsonObject body)
    {
        foreach (var (name, schema) in Resource(endpoint)["properties"]!.AsObject())
        {
            if (schema!["type"]?.GetValue<string>() != "array" || body[name] is not JsonArray { Count: > 1 } items)
                continue;
            foreach (var (member, memberSchema) in schema["items"]!["properties"]!.AsObject())
            {
                if (memberSchema!["queryName"] is { } parameter && items[1]?[member] is JsonValue value)
                    yield return (parameter.GetValue<string>(), value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString());
            }
        }
    }

    /// <summary>A value of the same type that no generated record holds.</summary>
    public static JsonNode OtherValue(JsonNode value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Number => long.TryParse(value.ToJsonString(), CultureInfo.InvariantCulture, out var n) ? n + 7 : 99.5m,
        System.Text.Json.JsonValueKind.String => OtherValue(value.GetValue<string>()),
        _ => value.DeepClone(),
    };

    public static string OtherValue(string value) =>
        long.TryParse(value, CultureInfo.InvariantCulture, out var n) ? (n + 7).ToString(CultureInfo.InvariantCulture)
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : value + "-other";

    /// <summary>The body as stored data: server members and reference links taken out, for comparing with what was sent.</summary>
    public static JsonNode? WithoutServerMembers(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (ServerMembers.Contains(key, StringComparer.Ordinal) || key == "link")
                        continue;
                    copy[key] = WithoutServerMembers(value);
                }
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(WithoutServerMembers)]);
            default:
                return node?.DeepClone();
        }
    }

    private static HashSet<string> Required(JsonNode node) =>
        [.. (node["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>())];

    private async Task<JsonObject> ObjectAsync(JsonObject properties, HashSet<string> required, int variant, bool full, string? self)
    {
        var body = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            if (ServerMembers.Contains(name, StringComparer.Ordinal) || name == "_ext" || schema!["x-source"] is not null)
                continue; // DPI's extension and earlier-standard members follow DPI's year rules, not Ed-Fi's model
            if (!full && !required.Contains(name))
                continue;
            body[name] = await ValueAsync(name, schema.AsObject(), variant, full, self, item: 0);
        }
        return body;
    }

    private async Task<JsonNode> ValueAsync(string name, JsonObject schema, int variant, bool full, string? self, int item)
    {
        var type = schema["type"]?.GetValue<string>();
        if (schema["reference"] is { } reference)
            return await ReferenceAsync(reference.GetValue<string>(), schema, self, item == 0 ? (full ? 0 : variant) : item);
        switch (type)
        {
            case "array":
            {
                var items = new JsonArray();
                var count = full ? 2 : 1;
                for (var i = 0; i < count; i++)
                {
                    var itemSchema = schema["items"]!.AsObject();
                    var value = await ItemAsync(itemSchema, variant, full, i);
                    items.Add(value);
                }
                return items;
            }
            case "object":
                return await ObjectAsync(schema["properties"]!.AsObject(), Required(schema), variant, full, self: null);
            default:
                return schema["descriptor"] is not null ? await DescriptorAsync(name, variant * 2 + item) : Scalar(name, schema, variant, item);
        }
    }

    /// <summary>A collection item; the second differs from the first in every member, so their keys differ.</summary>
    private async Task<JsonObject> ItemAsync(JsonObject itemSchema, int variant, bool full, int index)
    {
        var body = new JsonObject();
        var required = Required(itemSchema);
        foreach (var (name, schema) in itemSchema["properties"]!.AsObject())
        {
            if (name == "_ext" || (!full && !required.Contains(name)))
                continue;
            var s = schema!.AsObject();
            body[name] = s["reference"] is { } reference
                ? await ReferenceAsync(reference.GetValue<string>(), s, self: null, variant: index)
                : await ValueAsync(name, s, variant, full, self: null, item: index);
        }
        return body;
    }

    /// <summary>Posts the referenced record (a concrete one for an abstract target) and names it by its key.</summary>
    private async Task<JsonObject> ReferenceAsync(string referenceName, JsonObject schema, string? self, int variant)
    {
        var targets = Targets[referenceName]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        var target = targets.Contains("schools") ? "schools" : targets.Contains("studentProgramAssociations") ? "studentProgramAssociations" : targets[0];
        if (target == self && variant == 0)
            variant = 0; // a record of the same resource as the one under test: variant 0, the test's own record is variant 1
        var referenced = await EnsureAsync(target, variant);
        var keys = KeyQuery(target, referenced).ToList();
        var reference = new JsonObject();
        foreach (var (member, memberSchema) in schema["properties"]!.AsObject())
        {
            // A reference member is named as the target's key column (programEducationOrganizationId); a reference
            // to an abstract entity names the concrete one's single key by the base's name (educationOrganizationId).
            var (_, text) = keys.Count == 1 ? keys[0] : keys.First(k => k.QueryName == member);
            reference[member] = memberSchema!["type"]?.GetValue<string>() switch
            {
                "integer" => long.Parse(text, CultureInfo.InvariantCulture),
                "number" => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                "boolean" => bool.Parse(text),
                _ => text,
            };
        }
        return reference;
    }

    private static JsonNode Scalar(string name, JsonObject schema, int variant, int item)
    {
        var seed = variant * 2 + item;
        var format = schema["format"]?.GetValue<string>();
        var maxLength = schema["maxLength"]?.GetValue<int>() ?? 60;
        return schema["type"]?.GetValue<string>() switch
        {
            // School years name schoolYearTypes: served years for the records referenced (the default year for variant
            // 0, one earlier for each further variant, so a collection's two items name two years), another for the
            // one under test.
            "integer" when name.EndsWith("schoolYear", StringComparison.OrdinalIgnoreCase) => variant >= 5 ? SchoolYear + variant : SchoolYear - variant,
            "integer" => (long)(Math.Abs(StableHash(name)) % 9000 + 1000) * 10 + seed,
            "number" => 10.5m + seed,
            "boolean" => seed % 2 == 0,
            "string" when format == "date" => $"2025-09-{1 + seed:00}",
            "string" when format == "time" => $"08:{seed:00}:00",
            "string" when format == "date-time" => $"2025-09-{1 + seed:00}T08:00:00Z",
            _ => Text(name, seed, maxLength),
        };
    }

    private static string Text(string name, int seed, int maxLength)
    {
        var text = $"{name}-{seed}";
        return text.Length <= maxLength ? text : text[..(maxLength - 2)] + "-" + seed % 10;
    }

    /// <summary>
    /// A value of the member's descriptor type (the longest type of the data standard its name ends with): one of
    /// Ed-Fi's defaults, or, for a type Ed-Fi ships none of, a value posted to its endpoint first, as a SIS would.
    /// </summary>
    private async Task<string> DescriptorAsync(string member, int seed)
    {
        var type = DescriptorTypes.Where(t => member.EndsWith(t, StringComparison.OrdinalIgnoreCase)).MaxBy(t => t.Length)
                   ?? throw new InvalidOperationException($"No descriptor type of the data standard fits member '{member}'.");
        if (DescriptorUris.TryGetValue(type, out var uris))
            return uris[seed % uris.Count];
        var code = $"Test {seed}";
        if (_postedDescriptors.Add($"{type}#{code}"))
        {
            var endpoint = ToCamel(type) + "s";
            var response = await client.PostAsync(endpoint, new JsonObject
            {
                ["namespace"] = $"uri://ed-fi.org/{type}",
                ["codeValue"] = code,
                ["shortDescription"] = code,
            });
            if (response.Code is not (200 or 201))
                throw new InvalidOperationException($"Posting a {type} value to {endpoint} was refused: {response}");
        }
        return $"uri://ed-fi.org/{type}#{code}";
    }

    /// <summary>The ODS's camelCase: a leading acronym lowered whole (CTEProgramServiceDescriptor → cteProgramServiceDescriptor).</summary>
    private static string ToCamel(string pascal)
    {
        var upper = 0;
        while (upper < pascal.Length && char.IsUpper(pascal[upper]))
            upper++;
        return upper <= 1 ? char.ToLowerInvariant(pascal[0]) + pascal[1..] : pascal[..(upper - 1)].ToLowerInvariant() + pascal[(upper - 1)..];
    }

    private static Dictionary<string, List<string>> ReadDescriptorDefaults()
    {
        var result = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Fixtures.Root, "fixtures", "edfi", "ds-5.2", "Descriptors"), "*.xml"))
        {
            // The file's own namespace: Ed-Fi spells one differently from its type (ContinuationofServicesReasonDescriptor).
            var values = XDocument.Load(file).Root!.Elements()
                .Select(d => (Type: d.Name.LocalName, Uri: $"{d.Elements().First(e => e.Name.LocalName == "Namespace").Value}#{d.Elements().First(e => e.Name.LocalName == "CodeValue").Value}"))
                .ToList();
            if (values.Count > 0)
                result[values[0].Type] = [.. values.Select(v => v.Uri)];
        }
        return result;
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
            hash = unchecked(hash * 31 + c);
        return hash;
    }
}
