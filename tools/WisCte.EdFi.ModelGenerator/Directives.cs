using System.Text.Json.Nodes;

namespace WisCte.EdFi.ModelGenerator;

/// <summary>
/// What Ed-Fi's MetaEd model says that its XSD does not carry: which resources may change their natural key, the few
/// query-parameter names a role name equal to the referenced entity's own name gives, and which members identify the
/// items of each collection (fixtures/edfi/ds-5.2/metaed-directives.json, each with its source).
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

    /// <summary>The file the directives were read from, for messages.</summary>
    public string Source { get; private init; } = "";

    /// <summary>
    /// The members (paths within the item, e.g. <c>programReference.programName</c>) that identify the items of the
    /// collection element declared by <paramref name="owner"/> (an entity, or the common type of an enclosing item).
    /// </summary>
    public IReadOnlyList<string>? ItemIdentity(string owner, string element) => ItemIdentities.GetValueOrDefault((owner, element));

    /// <summary>Every collection the file gives an item identity, so the generator can refuse one that matches nothing.</summary>
    public IEnumerable<(string Owner, string Element)> ItemIdentityCollections() => ItemIdentities.Keys;

    private Dictionary<(string Owner, string Element), IReadOnlyList<string>> ItemIdentities { get; init; } = [];

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
        var itemIdentities = new Dictionary<(string Owner, string Element), IReadOnlyList<string>>();
        foreach (var (owner, elements) in root["itemIdentities"]?["owners"] as JsonObject ?? throw new InvalidDataException($"{path}: no itemIdentities.owners object."))
        {
            foreach (var (element, members) in elements as JsonObject ?? throw new InvalidDataException($"{path}: itemIdentities.owners.{owner} is not an object."))
            {
                var list = (members as JsonArray ?? throw new InvalidDataException($"{path}: itemIdentities.owners.{owner}.{element} is not an array.")).Select(m => m!.GetValue<string>()).ToList();
                if (list.Count == 0)
                    throw new InvalidDataException($"{path}: itemIdentities.owners.{owner}.{element} names no member.");
                itemIdentities[(owner, element)] = list;
            }
        }
        return new Directives(updates, names, enumerations) { InlineCommons = inline, Source = path, ItemIdentities = itemIdentities };
    }
}

/// <summary>A reference's role name (when the XSD hides it) and the members that keep the owner's column name.</summary>
public sealed record ReferenceDirective(string? Role, IReadOnlyList<string> Merged);
