using System.Text.Json.Nodes;

namespace WisCte.Simulator.Descriptors;

/// <summary>Whose values WISEdata takes for a descriptor type.</summary>
internal enum DescriptorNamespaceOwner
{
    /// <summary>Ed-Fi's default values (<c>uri://ed-fi.org/…</c>) are kept; DPI's own, if any, are accepted beside them.</summary>
    EdFi,

    /// <summary>DPI's values (<c>uri://dpi.wi.gov/…</c>) replace Ed-Fi's defaults, which do not exist for the type.</summary>
    Dpi,
}

/// <summary>One row of the table: a descriptor type, whose values WISEdata takes, and the source that says so.</summary>
internal sealed record WisedataNamespaceRow(string Type, DescriptorNamespaceOwner Owner, string Source);

/// <summary>
/// The table of which Ed-Fi descriptor types WISEdata replaces with DPI's namespace (fixtures/descriptors/wisedata-namespaces.json):
/// one row per type DPI decides, each with its source; every other type is <see cref="OtherTypes"/>.
/// </summary>
internal sealed class WisedataNamespaces
{
    public const string EdFiNamespacePrefix = "uri://ed-fi.org/";
    public const string DpiNamespacePrefix = "uri://dpi.wi.gov/";

    private readonly Dictionary<string, WisedataNamespaceRow> _rows;

    private WisedataNamespaces(IReadOnlyList<WisedataNamespaceRow> rows, DescriptorNamespaceOwner otherTypes, string otherTypesSource)
    {
        Rows = rows;
        OtherTypes = otherTypes;
        OtherTypesSource = otherTypesSource;
        _rows = rows.ToDictionary(r => r.Type, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The types the table names, in its order.</summary>
    public IReadOnlyList<WisedataNamespaceRow> Rows { get; }

    /// <summary>Whose values every type without a row takes.</summary>
    public DescriptorNamespaceOwner OtherTypes { get; }

    public string OtherTypesSource { get; }

    public DescriptorNamespaceOwner OwnerOf(string type) => _rows.TryGetValue(type, out var row) ? row.Owner : OtherTypes;

    public bool HasRow(string type) => _rows.ContainsKey(type);

    /// <summary>Whether WISEdata has no Ed-Fi default of this type (its values are DPI's).</summary>
    public bool ReplacesEdFiDefaults(string type) => OwnerOf(type) == DescriptorNamespaceOwner.Dpi;

    /// <summary>The same table with every type keeping Ed-Fi's defaults: a plain Ed-Fi ODS/API replaces none.</summary>
    public WisedataNamespaces KeepingEdFiDefaults() =>
        new([.. Rows.Select(r => r with { Owner = DescriptorNamespaceOwner.EdFi })], DescriptorNamespaceOwner.EdFi, "a plain Ed-Fi ODS/API keeps every default");

    public static WisedataNamespaces Load(Stream json, string source)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException($"{source} is not a JSON object.");
        var other = root["otherTypes"] as JsonObject ?? throw new InvalidDataException($"{source} has no 'otherTypes' object.");
        var rows = new List<WisedataNamespaceRow>();
        var items = root["types"] as JsonArray ?? throw new InvalidDataException($"{source} has no 'types' array.");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] as JsonObject ?? throw new InvalidDataException($"{source}: types[{i}] is not an object.");
            var where = $"{source}: types[{i}]";
            var type = Text(item, "descriptor", where);
            if (rows.Exists(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)))
                throw new InvalidDataException($"{where}: {type} has a row already.");
            rows.Add(new WisedataNamespaceRow(type, Owner(item, where), Text(item, "source", where)));
        }
        return new WisedataNamespaces(rows, Owner(other, $"{source}: otherTypes"), Text(other, "source", $"{source}: otherTypes"));
    }

    private static DescriptorNamespaceOwner Owner(JsonObject item, string where) => Text(item, "namespace", where) switch
    {
        "ed-fi" => DescriptorNamespaceOwner.EdFi,
        "dpi" => DescriptorNamespaceOwner.Dpi,
        var other => throw new InvalidDataException($"{where}: namespace '{other}' is neither \"ed-fi\" nor \"dpi\"."),
    };

    private static string Text(JsonObject item, string field, string where) =>
        item[field] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new InvalidDataException($"{where} has no '{field}'.");
}
