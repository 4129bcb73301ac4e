using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WisCte.Dpi;
using WisCte.Dpi.Rules;
using WisCte.Simulator.Json;
using WisCte.Simulator.Schema;

namespace WisCte.Simulator.Descriptors;

/// <summary>
/// Every descriptor value the simulator knows (Ed-Fi's defaults and DPI's, from fixtures/descriptors), with the
/// school years each is valid in. Matching is without regard to case, as DPI's own samples require
/// (<c>...CertificatedProgramStatusDescriptor#b</c>); the stored, canonical spelling is what GETs return.
/// </summary>
public sealed class DescriptorCatalog
{
    private readonly ConcurrentDictionary<string, DescriptorValue> _byTypeAndUri = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _types = new(StringComparer.OrdinalIgnoreCase);

    // Every descriptor of every write asks this; the schema's property names are few, so each is worked out once.
    private readonly ConcurrentDictionary<string, string> _typeOfProperty = new(StringComparer.Ordinal);

    public void Add(DescriptorValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_types.TryAdd(value.Type, value.Type))
            _typeOfProperty.Clear();
        _byTypeAndUri[Key(value.Type, value.Uri)] = value;
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
                    result.AddError(use.Path, $"{type} value '{use.Value}' does not exist.");
                    break;
            }
        }
    }

    public DescriptorLookup Find(string type, string uri, SchoolYear year)
    {
        if (!_byTypeAndUri.TryGetValue(Key(type, uri), out var value))
            return new DescriptorLookup(DescriptorLookupOutcome.Unknown, null);
        return new DescriptorLookup(value.IsValidIn(year) ? DescriptorLookupOutcome.Valid : DescriptorLookupOutcome.NotValidThisYear, value);
    }

    public IEnumerable<DescriptorValue> OfType(string type, SchoolYear year) =>
        _byTypeAndUri.Values.Where(v => string.Equals(v.Type, type, StringComparison.OrdinalIgnoreCase) && v.IsValidIn(year))
            .OrderBy(v => v.Namespace, StringComparer.Ordinal).ThenBy(v => v.CodeValue, StringComparer.Ordinal);

    public string? TypeOfEndpoint(string endpoint) =>
        endpoint.EndsWith("Descriptors", StringComparison.OrdinalIgnoreCase) && _types.TryGetValue(endpoint[..^1], out var type) ? type : null;

    /// <summary>Loads fixtures/descriptors/*.json (embedded).</summary>
    public static DescriptorCatalog Embedded()
    {
        var catalog = new DescriptorCatalog();
        var assembly = typeof(DescriptorCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("descriptors/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            catalog.Load(stream, name);
        }
        return catalog;
    }

    public void Load(Stream json, string source)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException($"{source} is not a JSON object.");
        var rows = root["descriptors"] as JsonArray ?? throw new InvalidDataException($"{source} has no 'descriptors' array.");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i] as JsonObject ?? throw new InvalidDataException($"{source}: descriptors[{i}] is not an object.");
            string Need(string field) => row[field]?.GetValue<string>() ?? throw new InvalidDataException($"{source}: descriptors[{i}] has no '{field}'.");
            Add(new DescriptorValue(
                Need("descriptor"), Need("namespace"), Need("codeValue"),
                row["shortDescription"]?.GetValue<string>() ?? Need("codeValue"),
                row["description"]?.GetValue<string>(),
                row["fromSchoolYear"]?.GetValue<int>(),
                row["toSchoolYear"]?.GetValue<int>()));
        }
    }

    private static string Key(string type, string uri) => type + "|" + uri;
}

public enum DescriptorLookupOutcome
{
    Valid,
    NotValidThisYear,
    Unknown,
}

public sealed record DescriptorLookup(DescriptorLookupOutcome Outcome, DescriptorValue? Value);
