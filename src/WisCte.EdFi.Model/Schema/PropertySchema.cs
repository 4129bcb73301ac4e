using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WisCte.EdFi.Model;

/// <summary>One property of a resource's JSON shape, read from fixtures/edfi/resources.json.</summary>
public sealed class PropertySchema
{
    private static readonly IReadOnlyDictionary<string, PropertySchema> NoProperties = new Dictionary<string, PropertySchema>(StringComparer.OrdinalIgnoreCase);

    public required string Name { get; init; }

    /// <summary>string, integer, number, boolean, object or array.</summary>
    public required string Type { get; init; }

    /// <summary>date, time or date-time for strings.</summary>
    public string? Format { get; init; }

    public int? MaxLength { get; init; }
    public bool IsDescriptor { get; init; }

    /// <summary>The reference's name (<c>StudentReference</c>) when this object points at another resource.</summary>
    public string? ReferenceName { get; init; }

    /// <summary>
    /// The ODS's query-parameter name for this member (<c>"queryName"</c> in the model): its flattened column name,
    /// which for some reference members carries a role prefix, e.g. <c>programEducationOrganizationId</c> for
    /// <c>programReference.educationOrganizationId</c>. Null: the member is queried by its <see cref="Name"/>.
    /// </summary>
    public string? QueryName { get; init; }

    /// <summary>Members of an object, matched without regard to case as the ODS binds JSON.</summary>
    public IReadOnlyDictionary<string, PropertySchema> Properties { get; init; } = NoProperties;

    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>The item shape of an array.</summary>
    public PropertySchema? Items { get; init; }

    /// <summary>
    /// Of a collection's item shape: the members that identify an item (<c>"itemIdentity"</c> in the model), as paths
    /// within the item (<c>city</c>, <c>programReference.programName</c>). The ODS refuses a collection holding two
    /// items equal in them. Empty where the model does not say (DPI's extension collections).
    /// </summary>
    public IReadOnlyList<string> ItemIdentity { get; init; } = [];

    /// <summary>The member at a path within this object (<c>programReference.programName</c>); null if there is none.</summary>
    public PropertySchema? Member(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Split('.').Aggregate((PropertySchema?)this, (p, name) => p?.Properties.GetValueOrDefault(name));
    }

    /// <summary>
    /// The member a body's property binds to (its name without regard to case), or null when the shape has none. The
    /// name is matched as the UTF-8 it was sent as, so binding a body makes no string per member.
    /// </summary>
    public PropertySchema? Member(JsonProperty property)
    {
        var utf8 = JsonMarshal.GetRawUtf8PropertyName(property);
        if (utf8.Length > 128 || utf8.Contains((byte)'\\')
            || Properties is not Dictionary<string, PropertySchema> properties || !properties.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup))
            return Properties.GetValueOrDefault(property.Name); // escaped, long, or not the parsed model's dictionary
        Span<char> name = stackalloc char[128];
        var length = Encoding.UTF8.GetChars(utf8, name);
        return lookup.TryGetValue(name[..length], out var member) ? member : null;
    }

    public bool IsObject => Type == "object";
    public bool IsArray => Type == "array";

    public static PropertySchema Parse(string name, JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var type = node["type"]?.GetValue<string>() ?? (node["properties"] is not null ? "object" : "string");
        var schema = new PropertySchema
        {
            Name = name,
            Type = type,
            Format = node["format"]?.GetValue<string>(),
            MaxLength = node["maxLength"]?.GetValue<int>(),
            IsDescriptor = node["descriptor"]?.GetValue<bool>() ?? false,
            ReferenceName = node["reference"]?.GetValue<string>(),
            QueryName = node["queryName"]?.GetValue<string>(),
            Properties = ParseProperties(node["properties"] as JsonObject),
            Required = [.. (node["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>())],
            Items = node["items"] is JsonObject items ? Parse(name, items) : null,
            ItemIdentity = [.. (node["itemIdentity"] as JsonArray ?? []).Select(m => m!.GetValue<string>())],
        };
        foreach (var path in schema.ItemIdentity.Where(p => schema.Member(p) is null or { IsObject: true } or { IsArray: true }))
            throw new InvalidDataException($"resources.json: '{path}', an identifying member of the {name} items, is not a member of them.");
        return schema;
    }

    internal static Dictionary<string, PropertySchema> ParseProperties(JsonObject? properties)
    {
        var result = new Dictionary<string, PropertySchema>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in properties ?? [])
        {
            if (value is JsonObject child)
                result[key] = Parse(key, child);
        }
        return result;
    }

    public override string ToString() => $"{Name}: {Type}";
}
