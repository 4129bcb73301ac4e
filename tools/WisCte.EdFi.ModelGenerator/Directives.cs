using System.Text.Json.Nodes;

namespace WisCte.EdFi.ModelGenerator;

/// <summary>
/// What Ed-Fi's MetaEd model says that its XSD does not carry: which resources may change their natural key, and
/// the few query-parameter names a role name equal to the referenced entity's own name gives
/// (fixtures/edfi/ds-5.2/metaed-directives.json, each with its source).
/// </summary>
public sealed class Directives
{
    private readonly HashSet<string> _identityUpdates;
    private readonly Dictionary<string, Dictionary<string, ReferenceDirective>> _references;

    private Directives(HashSet<string> identityUpdates, Dictionary<string, Dictionary<string, ReferenceDirective>> references, JsonObject enumerations)
    {
        _references = references;
        EnumerationResources = enumerations;
        _identityUpdates = identityUpdates;
    }

    /// <summary>Resources the ODS makes of MetaEd enumerations (schoolYearTypes), which the XSD has only as simple types.</summary>
    public JsonObject EnumerationResources { get; }

    public bool IsInlineCommon(string type) => InlineCommons.Contains(type);

    private HashSet<string> InlineCommons { get; init; } = [];

    public bool AllowsIdentityUpdates(string entity) => _identityUpdates.Contains(entity);

    /// <summary>The role name and merged members MetaEd gives a reference element of the entity, if the XSD does not show them.</summary>
    public ReferenceDirective? Reference(string entity, string element) =>
        _references.TryGetValue(entity, out var elements) ? elements.GetValueOrDefault(element) : null;

    /// <summary>Entities and paths named in the file, so the generator can refuse one that matches nothing.</summary>
    public IEnumerable<(string Entity, string? Path)> Named() =>
        _identityUpdates.Select(e => (e, (string?)null)).Concat(_references.Keys.Select(e => (e, (string?)null)));

    public static Directives Load(string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path}: not a JSON object.");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message}).", e);
        }
        var updates = (root["allowIdentityUpdates"]?["entities"] as JsonArray ?? throw new InvalidDataException($"{path}: no allowIdentityUpdates.entities array."))
            .Select(e => e!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, Dictionary<string, ReferenceDirective>>(StringComparer.Ordinal);
        foreach (var (entity, elements) in root["references"]?["entities"] as JsonObject ?? throw new InvalidDataException($"{path}: no references.entities object."))
            names[entity] = (elements as JsonObject ?? throw new InvalidDataException($"{path}: references.entities.{entity} is not an object."))
                .ToDictionary(e => e.Key, e => new ReferenceDirective(
                    e.Value?["role"]?.GetValue<string>(),
                    [.. (e.Value?["merged"] as JsonArray ?? []).Select(m => m!.GetValue<string>())]), StringComparer.Ordinal);
        var enumerations = root["enumerationResources"]?["resources"] as JsonObject ?? throw new InvalidDataException($"{path}: no enumerationResources.resources object.");
        var inline = (root["inlineCommons"]?["types"] as JsonArray ?? throw new InvalidDataException($"{path}: no inlineCommons.types array."))
            .Select(e => e!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        return new Directives(updates, names, enumerations) { InlineCommons = inline };
    }
}

/// <summary>A reference's role name (when the XSD hides it) and the members that keep the owner's column name.</summary>
public sealed record ReferenceDirective(string? Role, IReadOnlyList<string> Merged);
