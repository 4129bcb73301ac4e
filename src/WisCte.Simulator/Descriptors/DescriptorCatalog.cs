using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json.Nodes;
using WisCte.Dpi;
using WisCte.Dpi.L1;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Descriptors;

/// <summary>
/// Every descriptor value the simulator knows, with the school years each is valid in: all of Ed-Fi's DS 5.2 defaults
/// (fixtures/edfi/ds-5.2/Descriptors/*.xml) and DPI's values (fixtures/descriptors/dpi.json), except the Ed-Fi defaults
/// of the types WISEdata replaces with DPI's namespace (fixtures/descriptors/wisedata-namespaces.json): those do not
/// exist here, so they are refused as the ODS refuses any descriptor it does not have. Matching is without regard to
/// case, as DPI's own samples require (<c>...CertificatedProgramStatusDescriptor#b</c>); the stored, canonical
/// spelling is what GETs return. Read-only once built, so simulators share the embedded one.
/// </summary>
internal sealed class DescriptorCatalog
{
    private const string ValuesPrefix = "descriptors/";
    private const string NamespacesResource = "descriptors/wisedata-namespaces.json";
    private const string EdFiDefaultsPrefix = "edfi/ds-5.2/Descriptors/";

    private readonly FrozenDictionary<string, DescriptorValue> _byTypeAndUri;
    private readonly FrozenDictionary<string, DescriptorValue[]> _byType;
    private readonly FrozenDictionary<string, string> _types;

    // Values a client posted to this simulator (a plain ODS lets a sandbox key add descriptors); null when shared.
    private readonly ConcurrentDictionary<string, DescriptorValue>? _posted;

    // Every descriptor of every write asks this; the schema's property names are few, so each is worked out once.
    private readonly ConcurrentDictionary<string, string> _typeOfProperty = new(StringComparer.Ordinal);

    /// <summary>
    /// Builds a catalogue: every type of <paramref name="edFiDefaults"/> and <paramref name="dpiValues"/> is known (and
    /// served at its endpoint); a value in the Ed-Fi namespace of a type the table gives to DPI is left out.
    /// </summary>
    public DescriptorCatalog(IEnumerable<DescriptorValue> edFiDefaults, IEnumerable<DescriptorValue> dpiValues, WisedataNamespaces namespaces)
    {
        ArgumentNullException.ThrowIfNull(edFiDefaults);
        ArgumentNullException.ThrowIfNull(dpiValues);
        ArgumentNullException.ThrowIfNull(namespaces);
        Shared = this;
        Namespaces = namespaces;
        var all = edFiDefaults.Concat(dpiValues).ToList();

        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in all)
            types.TryAdd(value.Type, value.Type);
        CheckTable(namespaces, all, types);

        var byTypeAndUri = new Dictionary<string, DescriptorValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in all.Where(v => !IsReplaced(namespaces, v)))
            byTypeAndUri[Key(value.Type, value.Uri)] = value;
        _byTypeAndUri = byTypeAndUri.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        var byType = byTypeAndUri.Values.ToLookup(v => types[v.Type], StringComparer.OrdinalIgnoreCase);
        _byType = types.Values.ToFrozenDictionary(
            t => t,
            t => byType[t].OrderBy(v => v.Namespace, StringComparer.Ordinal).ThenBy(v => v.CodeValue, StringComparer.Ordinal).ToArray(),
            StringComparer.OrdinalIgnoreCase);
        _types = types.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// This catalogue for one simulator: every descriptor type of the data standard known (those Ed-Fi ships no
    /// values for too, so their endpoints exist and take values), and values posted to this simulator kept beside
    /// the shared ones.
    /// </summary>
    public DescriptorCatalog ForInstance(IEnumerable<string> dataStandardTypes) => new(this, dataStandardTypes);

    /// <summary>The shared catalogue this one overlays (itself when it is the shared one): parsed once per process.</summary>
    public DescriptorCatalog Shared { get; } = null!;

    private DescriptorCatalog(DescriptorCatalog shared, IEnumerable<string> dataStandardTypes)
    {
        Shared = shared;
        Namespaces = shared.Namespaces;
        _byTypeAndUri = shared._byTypeAndUri;
        _byType = shared._byType;
        var types = new Dictionary<string, string>(shared._types, StringComparer.OrdinalIgnoreCase);
        foreach (var type in dataStandardTypes)
            types.TryAdd(type, type);
        _types = types.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _posted = new ConcurrentDictionary<string, DescriptorValue>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Adds a value a client posted; false when this catalogue is the shared one or the value exists.</summary>
    public bool TryAdd(DescriptorValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _posted is not null && !_byTypeAndUri.ContainsKey(Key(value.Type, value.Uri)) && _posted.TryAdd(Key(value.Type, value.Uri), value);
    }

    /// <summary>Removes a posted value; Ed-Fi's and DPI's shipped values cannot be removed.</summary>
    public bool TryRemove(DescriptorValue value) => _posted is not null && _posted.TryRemove(Key(value.Type, value.Uri), out _);

    /// <summary>The table this catalogue follows.</summary>
    public WisedataNamespaces Namespaces { get; }

    /// <summary>Every descriptor type known, in its canonical spelling (Ed-Fi's, e.g. CTEProgramServiceDescriptor).</summary>
    public IEnumerable<string> Types => _types.Values;

    private static bool IsReplaced(WisedataNamespaces namespaces, DescriptorValue value) =>
        namespaces.ReplacesEdFiDefaults(value.Type) && value.Namespace.StartsWith(WisedataNamespaces.EdFiNamespacePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The table must decide every type DPI has values for, name only known types, and give DPI only types DPI has values of.</summary>
    private static void CheckTable(WisedataNamespaces namespaces, List<DescriptorValue> all, Dictionary<string, string> types)
    {
        var dpiTypes = all.Where(v => v.Namespace.StartsWith(WisedataNamespaces.DpiNamespacePrefix, StringComparison.OrdinalIgnoreCase))
            .Select(v => v.Type).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        problems.AddRange(dpiTypes.Where(t => !namespaces.HasRow(t)).Order(StringComparer.Ordinal)
            .Select(t => $"{t} has DPI values (uri://dpi.wi.gov) but no row saying whether WISEdata replaces Ed-Fi's defaults"));
        problems.AddRange(namespaces.Rows.Where(r => !types.ContainsKey(r.Type))
            .Select(r => $"{r.Type} is neither an Ed-Fi DS 5.2 descriptor type nor one of DPI's"));
        problems.AddRange(namespaces.Rows.Where(r => r.Owner == DescriptorNamespaceOwner.Dpi && !dpiTypes.Contains(r.Type))
            .Select(r => $"{r.Type} is given to DPI but DPI has no values for it"));
        if (problems.Count > 0)
            throw new InvalidDataException("wisedata-namespaces.json: " + string.Join("; ", problems) + ".");
    }

    /// <summary>
    /// The descriptor type a property holds: the longest known type name its name ends with, so that role-named
    /// properties resolve (<c>entryGradeLevelDescriptor</c> → GradeLevelDescriptor).
    /// </summary>
    public string TypeOfProperty(string propertyName)
    {
        ArgumentNullException.ThrowIfNull(propertyName);
        return _typeOfProperty.GetOrAdd(propertyName, LongestTypeEndingWith);
    }

    private string LongestTypeEndingWith(string propertyName)
    {
        var best = _types.Keys.Where(t => propertyName.EndsWith(t, StringComparison.OrdinalIgnoreCase)).MaxBy(t => t.Length);
        return best is null ? char.ToUpperInvariant(propertyName[0]) + propertyName[1..] : _types[best];
    }

    /// <summary>
    /// Checks every descriptor a bound body uses against the school year: a valid one is rewritten to its canonical
    /// spelling, an unknown one or one not valid that year is an error at its path. POSTs, PUTs and the baseline alike.
    /// </summary>
    public void Check(BindResult result, SchoolYear year)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var use in result.Descriptors)
        {
            var type = TypeOfProperty(use.PropertyName);
            var lookup = Find(type, use.Value, year);
            switch (lookup.Outcome)
            {
                case DescriptorLookupOutcome.Valid:
                    JsonPath.Set(result.Document, use.Path, lookup.Value!.Uri);
                    break;
                case DescriptorLookupOutcome.NotValidThisYear:
                    result.AddError(use.Path, $"{type} value '{use.Value}' does not exist in {year}: DPI accepts it {lookup.Value!.ValidYears}. [{L1RuleSet.DescriptorYearRule}]");
                    break;
                default:
                    result.AddError(use.Path, UnknownMessage(type, use.Value));
                    break;
            }
        }
    }

    /// <summary>The ODS's message for a descriptor it does not have: an unknown value and a replaced Ed-Fi default alike.</summary>
    public static string UnknownMessage(string type, string value) => $"{type} value '{value}' does not exist.";

    public DescriptorLookup Find(string type, string uri, SchoolYear year)
    {
        if (!_byTypeAndUri.TryGetValue(Key(type, uri), out var value) && (_posted is null || !_posted.TryGetValue(Key(type, uri), out value)))
            return new DescriptorLookup(DescriptorLookupOutcome.Unknown, null);
        return new DescriptorLookup(value.IsValidIn(year) ? DescriptorLookupOutcome.Valid : DescriptorLookupOutcome.NotValidThisYear, value);
    }

    /// <summary>A type's values valid in a year, by namespace then code value (DPI's before Ed-Fi's).</summary>
    public IEnumerable<DescriptorValue> OfType(string type, SchoolYear year) =>
        (_byType.TryGetValue(type, out var values) ? values.Where(v => v.IsValidIn(year)) : [])
        .Concat(_posted is null ? [] : _posted.Values.Where(v => string.Equals(v.Type, type, StringComparison.OrdinalIgnoreCase)).OrderBy(v => v.Uri, StringComparer.Ordinal));

    public string? TypeOfEndpoint(string endpoint) =>
        endpoint.EndsWith("Descriptors", StringComparison.OrdinalIgnoreCase) && _types.TryGetValue(endpoint[..^1], out var type) ? type : null;

    /// <summary>
    /// The catalogue from the embedded fixtures (Ed-Fi's XML, DPI's JSON, the table), parsed once: it is read-only, so
    /// simulators share it.
    /// </summary>
    public static DescriptorCatalog Embedded() => EmbeddedCatalog.Value;

    /// <summary>The embedded Ed-Fi defaults and DPI values (parsed once) under another table.</summary>
    public static DescriptorCatalog Embedded(WisedataNamespaces namespaces) => new(EmbeddedEdFiDefaults.Value, EmbeddedDpiValues.Value, namespaces);

    /// <summary>The embedded fixtures/descriptors/wisedata-namespaces.json.</summary>
    public static WisedataNamespaces EmbeddedNamespaces() => EmbeddedTable.Value;

    private static readonly Lazy<WisedataNamespaces> EmbeddedTable = new(() =>
    {
        using var stream = Resource(NamespacesResource);
        return WisedataNamespaces.Load(stream, "fixtures/" + NamespacesResource);
    });

    private static readonly Lazy<IReadOnlyList<DescriptorValue>> EmbeddedEdFiDefaults = new(() =>
    {
        var names = ResourceNames(EdFiDefaultsPrefix, ".xml");
        if (names.Count == 0)
            throw new InvalidOperationException($"fixtures/{EdFiDefaultsPrefix}*.xml are not embedded in WisCte.Simulator.");
        var values = new List<DescriptorValue>();
        foreach (var name in names)
        {
            using var stream = Resource(name);
            values.AddRange(EdFiDescriptorXml.Read(stream, "fixtures/" + name));
        }
        return values;
    });

    private static readonly Lazy<IReadOnlyList<DescriptorValue>> EmbeddedDpiValues = new(() =>
    {
        var values = new List<DescriptorValue>();
        foreach (var name in ResourceNames(ValuesPrefix, ".json").Where(n => !string.Equals(n, NamespacesResource, StringComparison.Ordinal)))
        {
            using var stream = Resource(name);
            values.AddRange(ReadJson(stream, "fixtures/" + name));
        }
        return values;
    });

    private static readonly Lazy<DescriptorCatalog> EmbeddedCatalog = new(() => Embedded(EmbeddedTable.Value));

    /// <summary>The catalogue of a plain Ed-Fi ODS/API: every Ed-Fi default kept (DPI's values known too, harmlessly).</summary>
    public static DescriptorCatalog EdFiDefaults() => EdFiDefaultsCatalog.Value;

    private static readonly Lazy<DescriptorCatalog> EdFiDefaultsCatalog = new(() => Embedded(EmbeddedTable.Value.KeepingEdFiDefaults()));

    private static List<string> ResourceNames(string prefix, string extension) =>
        [.. typeof(DescriptorCatalog).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];

    private static Stream Resource(string name) =>
        typeof(DescriptorCatalog).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"fixtures/{name} is not embedded in WisCte.Simulator.");

    /// <summary>Reads a descriptor-values JSON file (<c>{"descriptors": [{descriptor, namespace, codeValue, …, fromSchoolYear, toSchoolYear}]}</c>).</summary>
    public static IReadOnlyList<DescriptorValue> ReadJson(Stream json, string source)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException($"{source} is not a JSON object.");
        var rows = root["descriptors"] as JsonArray ?? throw new InvalidDataException($"{source} has no 'descriptors' array.");
        var values = new List<DescriptorValue>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i] as JsonObject ?? throw new InvalidDataException($"{source}: descriptors[{i}] is not an object.");
            string Need(string field) => row[field]?.GetValue<string>() ?? throw new InvalidDataException($"{source}: descriptors[{i}] has no '{field}'.");
            values.Add(new DescriptorValue(
                Need("descriptor"), Need("namespace"), Need("codeValue"),
                row["shortDescription"]?.GetValue<string>() ?? Need("codeValue"),
                row["description"]?.GetValue<string>(),
                row["fromSchoolYear"]?.GetValue<int>(),
                row["toSchoolYear"]?.GetValue<int>()));
        }
        return values;
    }

    private static string Key(string type, string uri) => type + "|" + uri;
}

internal enum DescriptorLookupOutcome
{
    Valid,
    NotValidThisYear,
    Unknown,
}

internal sealed record DescriptorLookup(DescriptorLookupOutcome Outcome, DescriptorValue? Value);
