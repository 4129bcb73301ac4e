using System.Text.Json.Nodes;
using System.Xml.Linq;
using FluentAssertions;
using NUnit.Framework;
using WisCte.EdFi.ModelGenerator;

namespace WisCte.EdFi.ModelGenerator.Tests;

/// <summary>
/// The checked-in model is the generator's output, and it is complete against its source: every entity, association
/// and descriptor type of Ed-Fi-Core.xsd is there, each with a member for every element (read here straight from the
/// XML, not through the generator's reader), and every collection says which members identify its items.
/// </summary>
public sealed class GeneratedModelTests
{
    private static readonly string Root = FindRoot();
    private static readonly ModelPaths Paths = ModelPaths.Under(Root);
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private static readonly XNamespace Ann = "http://ed-fi.org/annotation";
    private static readonly XDocument Schema = XDocument.Load(Paths.Xsd);
    private static readonly JsonObject Model = (JsonObject)JsonNode.Parse(File.ReadAllText(Paths.Output))!;
    private static readonly JsonObject Resources = Model["resources"]!.AsObject();

    [Test]
    public void The_checked_in_model_is_what_the_generator_makes_of_its_sources()
    {
        var regenerated = ModelGeneration.Serialize(ModelGeneration.Generate(Paths));
        regenerated.Should().Be(File.ReadAllText(Paths.Output), "fixtures/edfi/resources.json is generated: run `dotnet run --project tools/WisCte.EdFi.ModelGenerator`");
    }

    private static IEnumerable<XElement> TypesOf(params string[] groups) =>
        Schema.Root!.Elements(Xs + "complexType").Where(t => groups.Contains(t.Descendants(Ann + "TypeGroup").FirstOrDefault()?.Value, StringComparer.Ordinal));

    private static string NameOf(XElement type) => (string)type.Attribute("name")!;

    private static IEnumerable<string> ConcreteEntities()
    {
        var entities = TypesOf("Domain Entity", "Association").ToList();
        var bases = entities.Select(e => (string?)e.Descendants(Xs + "extension").First().Attribute("base")).ToHashSet(StringComparer.Ordinal);
        return entities.Where(e => (string?)e.Attribute("abstract") != "true" && !bases.Contains(NameOf(e))).Select(NameOf);
    }

    [TestCaseSource(nameof(ConcreteEntities))]
    public void Every_entity_of_the_XSD_is_a_resource_with_a_member_for_each_element(string entity)
    {
        var resource = Resources.Select(r => r.Value!.AsObject()).SingleOrDefault(r => r["resourceName"]!.GetValue<string>() == entity);
        resource.Should().NotBeNull($"{entity} is an entity of Ed-Fi-Core.xsd");

        var memberCount = CountLeaves(resource!["properties"]!.AsObject());
        var elementCount = ElementsOf(entity).Sum(CountLeafElements);
        memberCount.Should().BeGreaterThanOrEqualTo(elementCount, $"every element of {entity} (inline commons unfolded) has a member");
        resource["identityJsonPaths"]!.AsArray().Should().NotBeEmpty();
    }

    [Test]
    public void Every_descriptor_type_of_the_XSD_is_listed()
    {
        var listed = Model["descriptorTypes"]!.AsArray().Select(d => d!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        TypesOf("Descriptor").Select(NameOf).Should().OnlyContain(d => listed.Contains(d)).And.HaveCount(listed.Count);
    }

    [Test]
    public void A_directive_naming_no_entity_of_the_XSD_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("wiscte-model-");
        try
        {
            var directives = JsonNode.Parse(File.ReadAllText(Paths.Directives))!;
            directives["allowIdentityUpdates"]!["entities"]!.AsArray().Add("NoSuchEntity");
            var path = Path.Combine(dir.FullName, "directives.json");
            File.WriteAllText(path, directives.ToJsonString());
            var act = () => ModelGeneration.Generate(Paths with { Directives = path });
            act.Should().Throw<InvalidDataException>().WithMessage("*'NoSuchEntity' is not a resource of the XSD*");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Every collection of every resource, nested ones too, as "endpoint.collection[].nested": read from the checked-in
    /// model, so a collection the directives miss is a failing case. DPI's _ext.WI collections are left out: their
    /// table definitions are not Ed-Fi's and not in the repository (the simulator compares their items whole).
    /// </summary>
    private static IEnumerable<string> Collections()
    {
        foreach (var (endpoint, resource) in Resources)
        {
            foreach (var path in CollectionsIn(resource!["properties"]!.AsObject(), endpoint))
                yield return path;
        }
    }

    private static IEnumerable<string> CollectionsIn(JsonObject properties, string path)
    {
        foreach (var (name, member) in properties)
        {
            if (name == "_ext")
                continue;
            var type = member!["type"]?.GetValue<string>();
            if (type == "array")
            {
                yield return $"{path}.{name}[]";
                foreach (var nested in CollectionsIn(member["items"]!["properties"]!.AsObject(), $"{path}.{name}[]"))
                    yield return nested;
            }
            else if (type == "object" && member["reference"] is null)
            {
                foreach (var nested in CollectionsIn(member["properties"]!.AsObject(), $"{path}.{name}"))
                    yield return nested;
            }
        }
    }

    private static JsonObject ItemsAt(string collectionPath)
    {
        var steps = collectionPath.Split('.');
        JsonNode node = Resources[steps[0]]!;
        foreach (var step in steps.Skip(1))
        {
            node = node["properties"]![step.TrimEnd('[', ']')]!;
            if (step.EndsWith("[]", StringComparison.Ordinal))
                node = node["items"]!;
        }
        return node.AsObject();
    }

    [TestCaseSource(nameof(Collections))]
    public void Every_collection_says_which_required_members_of_its_items_identify_them(string collection)
    {
        var items = ItemsAt(collection);
        var identity = (items["itemIdentity"] as JsonArray)?.Select(m => m!.GetValue<string>()).ToList();
        identity.Should().NotBeNullOrEmpty($"the ODS compares the items of {collection} by their identifying members (the child table's primary key)");
        foreach (var path in identity!)
        {
            var steps = path.Split('.');
            steps.Length.Should().BeInRange(1, 2, $"'{path}' is a member of the item or of a reference in it");
            var member = items["properties"]?[steps[0]];
            member.Should().NotBeNull($"'{path}' names a member of the {collection} items");
            items["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain(steps[0], "a key column is NOT NULL: the member is required");
            if (steps.Length == 2)
            {
                member!["reference"].Should().NotBeNull($"'{steps[0]}' of '{path}' is a reference");
                member["properties"]?[steps[1]].Should().NotBeNull($"'{path}' names a member of the reference");
                member["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain(steps[1]);
                member = member["properties"]![steps[1]];
            }
            member!["type"]!.GetValue<string>().Should().BeOneOf(["string", "integer", "number", "boolean"], $"'{path}' is a value, not an object or a collection");
        }
        identity.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void An_item_identity_naming_no_collection_of_the_XSD_is_refused()
    {
        var act = () => GenerateWith(d => d["itemIdentities"]!["owners"]!.AsObject()["Address"]!.AsObject()["NoSuchCollection"] = new JsonArray("beginDate"));
        act.Should().Throw<InvalidDataException>().WithMessage("*itemIdentities.owners.Address.NoSuchCollection is no collection of the XSD*");
    }

    [Test]
    public void An_item_identity_naming_a_member_the_items_do_not_have_is_refused()
    {
        var act = () => GenerateWith(d => d["itemIdentities"]!["owners"]!["Address"]!["Period"] = new JsonArray("beginDate", "noSuchMember"));
        act.Should().Throw<InvalidDataException>().WithMessage("*itemIdentities.owners.Address.Period names 'noSuchMember', which is not a member of the periods items*");
    }

    private static void GenerateWith(Action<JsonNode> change)
    {
        var dir = Directory.CreateTempSubdirectory("wiscte-model-");
        try
        {
            var directives = JsonNode.Parse(File.ReadAllText(Paths.Directives))!;
            change(directives);
            var path = Path.Combine(dir.FullName, "directives.json");
            File.WriteAllText(path, directives.ToJsonString());
            ModelGeneration.Generate(Paths with { Directives = path });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void A_schema_that_is_not_XML_is_refused_with_its_path()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "not xml");
            var act = () => ModelGeneration.Generate(Paths with { Xsd = file });
            act.Should().Throw<InvalidDataException>().WithMessage($"{file}: not a readable XML schema*");
        }
        finally
        {
            File.Delete(file);
        }
    }

    // ---- counting, independently of the generator ----

    private static IEnumerable<XElement> ElementsOf(string typeName)
    {
        var type = Schema.Root!.Elements(Xs + "complexType").Single(t => NameOf(t) == typeName);
        var parent = (string?)type.Descendants(Xs + "extension").FirstOrDefault()?.Attribute("base");
        var inherited = parent is null or "ComplexObjectType" ? [] : ElementsOf(parent);
        return inherited.Concat(type.Descendants(Xs + "element"));
    }

    /// <summary>An element counts once; a single inline common counts as its own elements (they are flattened).</summary>
    private static int CountLeafElements(XElement element)
    {
        var typeName = (string)element.Attribute("type")!;
        var collection = (string?)element.Attribute("maxOccurs") == "unbounded";
        var common = Schema.Root!.Elements(Xs + "complexType").FirstOrDefault(t => NameOf(t) == typeName && t.Descendants(Ann + "TypeGroup").First().Value == "Common");
        return !collection && common is not null && InlineCommons.Contains(typeName) ? common.Descendants(Xs + "element").Sum(CountLeafElements) : 1;
    }

    private static readonly HashSet<string> InlineCommons = [.. JsonNode.Parse(File.ReadAllText(Paths.Directives))!["inlineCommons"]!["types"]!.AsArray().Select(t => t!.GetValue<string>())];

    private static int CountLeaves(JsonObject properties) =>
        properties.Count(p => p.Key is not ("id" or "_etag" or "_lastModifiedDate" or "_ext"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WisCte.Conformance.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("The repository root (WisCte.Conformance.sln) is not above the test directory.");
    }
}
