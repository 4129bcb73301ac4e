using System.Text.Json.Nodes;
using static WisCte.EdFi.ModelGenerator.ApiNaming;

namespace WisCte.EdFi.ModelGenerator;

/// <summary>
/// Builds the API model of every resource from the XSD: the JSON the ODS/API takes and returns (references
/// flattened to their natural keys, descriptors as URIs, collections named as the ODS names them), natural keys,
/// query-parameter names, the keys two references share, and the members that identify a collection's items.
/// </summary>
public sealed class ModelBuilder
{
    private const int DescriptorMaxLength = 306;
    private readonly Xsd _xsd;
    private readonly Directives _directives;
    private readonly Dictionary<string, List<(string Name, JsonObject Node)>> _identityCache = new(StringComparer.Ordinal);
    private readonly HashSet<(string Owner, string Element)> _usedItemIdentities = [];

    public ModelBuilder(Xsd xsd, Directives directives)
    {
        _xsd = xsd;
        _directives = directives;
    }

    /// <summary>Entities with an endpoint: domain entities and associations that are not abstract and not extended by others.</summary>
    public IReadOnlyList<XsdComplexType> Resources() =>
        [.. _xsd.ComplexTypes.Values.Where(IsEntity).Where(t => !IsAbstract(t)).OrderBy(t => t.Name, StringComparer.Ordinal)];

    public IReadOnlyList<string> DescriptorTypes() =>
        [.. _xsd.ComplexTypes.Values.Where(t => t.TypeGroup == "Descriptor").Select(t => t.Name).Order(StringComparer.Ordinal)];

    public static bool IsEntity(XsdComplexType type) => type.TypeGroup is "Domain Entity" or "Association";

    /// <summary>Abstract in the ODS: marked so, or extended by other entities (GeneralStudentProgramAssociation).</summary>
    public bool IsAbstract(XsdComplexType type) => type.IsAbstract || _xsd.ComplexTypes.Values.Any(t => t.Base == type.Name && IsEntity(t));

    /// <summary>Concrete endpoints a reference to the entity may point at (an EducationOrganization: schools, LEAs…).</summary>
    public IReadOnlyList<string> ConcreteEndpoints(string entity)
    {
        var type = _xsd.ComplexTypes[entity];
        if (!IsAbstract(type))
            return [Endpoint(entity)];
        return [.. _xsd.ComplexTypes.Values.Where(t => t.Base == entity && IsEntity(t)).SelectMany(t => ConcreteEndpoints(t.Name))];
    }

    public static string Endpoint(string entity) => Camel(Plural(entity));

    public JsonObject Build(XsdComplexType entity)
    {
        var members = InheritedElements(entity);
        var identityNames = IdentityElements(entity.Name).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var collectionNames = CollectionNames(members);

        var properties = new JsonObject { ["id"] = new JsonObject { ["type"] = "string" } };
        var required = new JsonArray();
        var identityPaths = new List<string>();
        var queryColumns = new List<(string Column, string Path)>();
        foreach (var (element, owner) in members)
        {
            var (name, node) = Property(element, owner, collectionNames);
            properties[name] = node;
            if (element.IsRequired)
                required.Add(name);
            if (node["type"]?.GetValue<string>() == "object" && node["reference"] is not null)
            {
                foreach (var (member, memberNode) in ((JsonObject)node["properties"]!).ToList())
                {
                    var path = $"{name}.{member}";
                    var column = memberNode!["queryName"]!.GetValue<string>();
                    queryColumns.Add((column, path));
                    if (identityNames.Contains(element.Name))
                        identityPaths.Add("$." + path);
                }
            }
            else if (node["type"]?.GetValue<string>() is not ("object" or "array"))
            {
                node["queryName"] = name;
                queryColumns.Add((name, name));
                if (identityNames.Contains(element.Name))
                    identityPaths.Add("$." + name);
            }
        }
        IdentificationCodeQueries(properties, queryColumns);
        properties["_etag"] = new JsonObject { ["type"] = "string" };
        properties["_lastModifiedDate"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" };

        var resource = new JsonObject
        {
            ["resourceName"] = entity.Name,
            ["identityJsonPaths"] = new JsonArray([.. identityPaths.Order(StringComparer.Ordinal).Select(p => (JsonNode)p)]),
            ["allowIdentityUpdates"] = _directives.AllowsIdentityUpdates(entity.Name),
        };
        if (entity.Base is { } parent && parent != "ComplexObjectType")
            resource["subclassOf"] = parent;
        resource["properties"] = properties;
        resource["required"] = required;
        var unified = queryColumns.GroupBy(c => c.Column, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        if (unified.Count > 0)
        {
            resource["unifiedKeys"] = new JsonArray([.. unified.Select(g => (JsonNode)new JsonObject
            {
                ["queryName"] = g.Key,
                ["paths"] = new JsonArray([.. g.Select(c => (JsonNode)c.Path)]),
            })]);
        }
        if (identityPaths.Count == 0)
            throw new InvalidDataException($"{entity.Name}: no natural key could be found in {entity.Name}IdentityType.");
        return resource;
    }

    /// <summary>
    /// The ODS also takes the members of an identification-code collection (a course's identificationCodes, a
    /// student's studentIdentificationCodes) as query parameters: a record matches when one of its codes does. A name
    /// the resource already uses gets the suffix 2 (a course transcript's courseCatalogURL2).
    /// </summary>
    private static void IdentificationCodeQueries(JsonObject properties, List<(string Column, string Path)> queryColumns)
    {
        var taken = queryColumns.Select(c => c.Column).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, node) in properties.ToList())
        {
            if (node?["type"]?.GetValue<string>() != "array" || node["items"]?["properties"] is not JsonObject item || item["identificationCode"] is null)
                continue;
            foreach (var (member, memberNode) in item.ToList())
            {
                if (memberNode?["type"]?.GetValue<string>() is "object" or "array")
                    continue;
                var column = taken.Add(member) ? member : member + "2";
                memberNode!["queryName"] = column;
            }
        }
    }

    /// <summary>The entity's elements with the type that declares each, base types first.</summary>
    private List<(XsdElement Element, string Owner)> InheritedElements(XsdComplexType entity)
    {
        var chain = new List<XsdComplexType>();
        for (var type = entity; type is not null; type = type.Base is { } b && _xsd.ComplexTypes.TryGetValue(b, out var t) && IsEntity(t) ? t : null)
            chain.Insert(0, type);
        var result = chain.SelectMany(t => Inline(t.Elements).Select(e => (e, t.Name))).ToList();
        // A subclass's own identity (SchoolId) replaces nothing in the base: the base's key is not an element of it.
        foreach (var identity in IdentityElements(entity.Name).Where(i => result.All(r => r.e.Name != i.Name)))
            result.Insert(0, (identity, entity.Name));
        return result;
    }

    /// <summary>
    /// Collection names: the item's name without its owner's name, unless two collections of the resource would
    /// then share a name (a school's educationOrganizationCategories and schoolCategories).
    /// </summary>
    private Dictionary<XsdElement, string> CollectionNames(List<(XsdElement Element, string Owner)> members)
    {
        var collections = members.Where(m => m.Element.IsCollection).ToList();
        var stripped = collections.ToDictionary(m => m.Element, m => CollectionNameOf(m.Element, m.Owner));
        var clashes = stripped.Values.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return collections.ToDictionary(m => m.Element, m => clashes.Contains(stripped[m.Element]) ? Plural(Camel(ItemName(m.Element))) : stripped[m.Element]);
    }

    private static string ItemName(XsdElement element) =>
        element.Name.EndsWith("Reference", StringComparison.Ordinal) ? element.Name[..^"Reference".Length] : element.Name;

    private (string Name, JsonObject Node) Property(XsdElement element, string owner, IReadOnlyDictionary<XsdElement, string>? collectionNames)
    {
        var (name, node) = Single(element, owner);
        if (!element.IsCollection)
            return (name, node);
        if (node["descriptor"] is not null)
            name = Camel(element.Type[..^"ReferenceType".Length]);
        var collection = collectionNames?.GetValueOrDefault(element) ?? CollectionNameOf(element, owner);
        var item = node["type"]?.GetValue<string>() == "object" && node["reference"] is null
            ? node
            : new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { [name] = node }, ["required"] = new JsonArray(name) };
        if (_directives.ItemIdentity(owner, element.Name) is { } identity)
        {
            foreach (var path in identity.Where(p => !IsScalarMember(item, p)))
                throw new InvalidDataException($"{_directives.Source}: itemIdentities.owners.{owner}.{element.Name} names '{path}', which is not a member of the {collection} items.");
            item["itemIdentity"] = new JsonArray([.. identity.Select(p => (JsonNode)p)]);
            _usedItemIdentities.Add((owner, element.Name));
        }
        return (collection, new JsonObject { ["type"] = "array", ["items"] = item });
    }

    /// <summary>A scalar member of the item (<c>city</c>) or of a reference in it (<c>programReference.programName</c>).</summary>
    private static bool IsScalarMember(JsonObject item, string path)
    {
        var parts = path.Split('.');
        var member = item["properties"]?[parts[0]];
        if (parts.Length == 2 && member?["reference"] is not null)
            member = member["properties"]?[parts[1]];
        else if (parts.Length != 1)
            return false;
        return member is JsonObject && member["type"]?.GetValue<string>() is not (null or "object" or "array");
    }

    /// <summary>Collections the directives give an item identity that no collection of the XSD took.</summary>
    public IEnumerable<(string Owner, string Element)> UnusedItemIdentities() => _directives.ItemIdentityCollections().Where(c => !_usedItemIdentities.Contains(c));

    /// <summary>One value of the element's type, named as the ODS names it.</summary>
    private (string Name, JsonObject Node) Single(XsdElement element, string owner)
    {
        if (element.Type == "SchoolYearType")
        {
            var role = element.Name[..^"SchoolYear".Length];
            return (Camel(role + "SchoolYearTypeReference"), new JsonObject
            {
                ["type"] = "object",
                ["reference"] = "SchoolYearTypeReference",
                ["properties"] = new JsonObject { ["schoolYear"] = new JsonObject { ["type"] = "integer", ["queryName"] = Camel(element.Name) } },
                ["required"] = new JsonArray("schoolYear"),
            });
        }
        if (_xsd.SimpleTypes.TryGetValue(element.Type, out var simple) && simple.TypeGroup == "Extended Descriptor Reference")
            return (Camel(element.Name) + "Descriptor", DescriptorNode());
        if (_xsd.ComplexTypes.TryGetValue(element.Type, out var complex))
        {
            switch (complex.TypeGroup)
            {
                case "Extended Reference":
                    return ReferenceProperty(element, complex, owner);
                case "Common":
                    return (Camel(StripOwner(element.Name, owner)), CommonNode(complex));
                default:
                    throw new InvalidDataException($"{element.Name}: type {element.Type} of group '{complex.TypeGroup}' is not a member type.");
            }
        }
        return (Camel(element.Name), ScalarNode(element.Type));
    }

    private (string Name, JsonObject Node) ReferenceProperty(XsdElement element, XsdComplexType referenceType, string owner)
    {
        var target = referenceType.Name[..^"ReferenceType".Length];
        var (role, merged) = RoleOf(element, target, owner);
        var suffix = target + "Reference";
        var members = new JsonObject();
        var required = new JsonArray();
        foreach (var (member, node) in Identity(target))
        {
            var copy = (JsonObject)node.DeepClone();
            copy["queryName"] = merged.Contains(member, StringComparer.Ordinal) ? member : Camel(WithRole(role, Pascal(member)));
            members[member] = copy;
            required.Add(member);
        }
        // A role that starts the entity's own name is not repeated (BalanceSheet + BalanceSheetDimension).
        var name = target.StartsWith(role, StringComparison.Ordinal) ? suffix : role + suffix;
        return (Camel(name), new JsonObject
        {
            ["type"] = "object",
            ["reference"] = suffix,
            ["properties"] = members,
            ["required"] = required,
        });
    }

    /// <summary>
    /// An entity's natural key as the flat members of a reference to it: nested references unfold into their own
    /// keys (role names prefixed), and a key reached twice (a session's and a course offering's schoolId) is one member.
    /// </summary>
    private List<(string Name, JsonObject Node)> Identity(string entity)
    {
        if (_identityCache.TryGetValue(entity, out var cached))
            return cached;
        var result = new List<(string Name, JsonObject Node)>();
        foreach (var element in IdentityElements(entity))
        {
            if (element.Type == "SchoolYearType")
            {
                Add(Camel(element.Name), new JsonObject { ["type"] = "integer" });
            }
            else if (_xsd.ComplexTypes.TryGetValue(element.Type, out var complex) && complex.TypeGroup == "Extended Reference")
            {
                var target = complex.Name[..^"ReferenceType".Length];
                var (role, merged) = RoleOf(element, target, entity);
                foreach (var (member, node) in Identity(target))
                    Add(merged.Contains(member, StringComparer.Ordinal) ? member : Camel(WithRole(role, Pascal(member))), node);
            }
            else
            {
                var (name, node) = Single(element, entity);
                Add(name, node);
            }
        }
        _identityCache[entity] = result;
        return result;

        void Add(string name, JsonObject node)
        {
            if (result.All(r => r.Name != name))
                result.Add((name, node));
        }
    }

    /// <summary>
    /// The role a reference element gives its members' columns: MetaEd's directive where the XSD hides it (looked up on
    /// the entity and its bases, where the element is declared), else what the element's name adds before the entity's.
    /// </summary>
    private (string Role, IReadOnlyList<string> Merged) RoleOf(XsdElement element, string target, string owner)
    {
        for (var type = owner; type is not null; type = _xsd.ComplexTypes.TryGetValue(type, out var t) ? t.Base : null)
        {
            if (_directives.Reference(type, element.Name) is { } directive)
                return (directive.Role ?? VisibleRole(), directive.Merged);
        }
        return (VisibleRole(), []);

        string VisibleRole()
        {
            var suffix = target + "Reference";
            return element.Name.EndsWith(suffix, StringComparison.Ordinal) ? element.Name[..^suffix.Length] : "";
        }
    }

    /// <summary>A collection's name: reference collections keep the entity's name, others lose their owner's name.</summary>
    private string CollectionNameOf(XsdElement element, string owner) =>
        element.Name.EndsWith("Reference", StringComparison.Ordinal) && _xsd.ComplexTypes.TryGetValue(element.Type, out var t) && t.TypeGroup == "Extended Reference"
            ? Plural(Camel(ItemName(element)))
            : Plural(Camel(StripOwner(ItemName(element), owner)));

    private IReadOnlyList<XsdElement> IdentityElements(string entity)
    {
        if (_xsd.ComplexTypes.TryGetValue(entity + "IdentityType", out var identity))
            return identity.Elements;
        // An entity no one references has no identity type; its base's identity is its own.
        var type = _xsd.ComplexTypes[entity];
        return type.Base is { } b && _xsd.ComplexTypes.ContainsKey(b + "IdentityType") ? IdentityElements(b) : [];
    }

    /// <summary>
    /// Elements with MetaEd's inline commons (a student's Name, a course's MaximumAvailableCredits) replaced by their
    /// members, each prefixed with the role the element gives (MaximumAvailable + CreditType): the ODS flattens them.
    /// </summary>
    private IEnumerable<XsdElement> Inline(IEnumerable<XsdElement> elements)
    {
        foreach (var element in elements)
        {
            if (element.IsCollection || !_directives.IsInlineCommon(element.Type))
            {
                yield return element;
                continue;
            }
            var role = element.Name.EndsWith(element.Type, StringComparison.Ordinal) ? element.Name[..^element.Type.Length] : element.Name;
            foreach (var member in Inline(_xsd.ComplexTypes[element.Type].Elements))
                yield return member with { Name = WithRole(role, member.Name), IsRequired = member.IsRequired && element.IsRequired };
        }
    }

    private JsonObject CommonNode(XsdComplexType common)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var element in Inline(common.Elements))
        {
            var (name, node) = Property(element, common.Name, null);
            properties[name] = node;
            if (element.IsRequired)
                required.Add(name);
        }
        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required };
    }

    private static JsonObject DescriptorNode() => new() { ["type"] = "string", ["descriptor"] = true, ["maxLength"] = DescriptorMaxLength };

    private JsonObject ScalarNode(string type)
    {
        int? maxLength = null, minLength = null;
        while (_xsd.SimpleTypes.TryGetValue(type, out var simple))
        {
            maxLength ??= simple.MaxLength;
            minLength ??= simple.MinLength;
            type = simple.Base;
        }
        var node = type switch
        {
            "xs:string" or "xs:token" or "xs:normalizedString" or "xs:anyURI" => new JsonObject { ["type"] = "string" },
            "xs:date" => new JsonObject { ["type"] = "string", ["format"] = "date" },
            "xs:time" => new JsonObject { ["type"] = "string", ["format"] = "time" },
            "xs:dateTime" => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            "xs:boolean" => new JsonObject { ["type"] = "boolean" },
            "xs:int" or "xs:integer" or "xs:long" or "xs:short" or "xs:positiveInteger" or "xs:nonNegativeInteger" or "xs:unsignedInt" or "xs:gYear" => new JsonObject { ["type"] = "integer" },
            "xs:decimal" or "xs:double" or "xs:float" => new JsonObject { ["type"] = "number" },
            "xs:duration" => new JsonObject { ["type"] = "string" },
            _ => throw new InvalidDataException($"Simple type '{type}' has no JSON mapping."),
        };
        if (maxLength is { } max)
            node["maxLength"] = max;
        if (minLength is { } min && min > 0)
            node["minLength"] = min;
        return node;
    }
}
