using WisCte.EdFi.Model;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

/// <summary>
/// A collection may not hold two items with the same identifying members: the ODS refuses it
/// (NoDuplicateMembersAttribute) with "The 2nd item of the gradeLevels has the same identifying values as another item
/// earlier in the list.".
/// </summary>
public sealed class CollectionItemTests
{
    private static readonly HttpClient Http = new();

    private static JsonObject School(long id, params string[] gradeLevels) => new()
    {
        ["schoolId"] = id,
        ["nameOfInstitution"] = "Fictional Test School",
        ["educationOrganizationCategories"] = new JsonArray(new JsonObject { ["educationOrganizationCategoryDescriptor"] = "uri://ed-fi.org/EducationOrganizationCategoryDescriptor#School" }),
        ["gradeLevels"] = new JsonArray([.. gradeLevels.Select(g => (JsonNode)new JsonObject { ["gradeLevelDescriptor"] = $"uri://ed-fi.org/GradeLevelDescriptor#{g}" })]),
    };

    [Test]
    public async Task The_same_item_twice_in_a_collection_is_refused_with_the_ODS_message_and_distinct_items_are_kept()
    {
        using var simulator = WisedataSimulator.Start(new SimulatorOptions { Profile = SimulatorProfile.EdFiOds, Clients = [new ApiClient("sandbox", "sandbox-secret-1", 48856)] });
        var client = new TestClient(Http, simulator.BaseUrl, "sandbox", "sandbox-secret-1");

        var duplicate = await client.PostAsync("schools", School(880001, "Ninth grade", "Tenth grade", "Ninth grade"));
        duplicate.Code.Should().Be(400);
        duplicate.ValidationMessages.Should().Contain("$.gradeLevels: The 3rd item of the gradeLevels has the same identifying values as another item earlier in the list.");

        (await client.PostAsync("schools", School(880001, "Ninth grade", "Tenth grade"))).Code.Should().Be(201);
    }

    private static JsonObject Address(string city, string? apartment = null) => new()
    {
        ["addressTypeDescriptor"] = "uri://ed-fi.org/AddressTypeDescriptor#Home",
        ["streetNumberName"] = "1 Main St",
        ["city"] = city,
        ["stateAbbreviationDescriptor"] = "uri://ed-fi.org/StateAbbreviationDescriptor#WI",
        ["postalCode"] = "53703",
        ["apartmentRoomSuiteNumber"] = apartment,
    };

    private static BindResult BindAddresses(params JsonObject[] addresses) =>
        BodyBinder.Bind(SchemaCatalog.Embedded().Find("studentEducationOrganizationAssociations")!.Root, new JsonObject
        {
            ["studentReference"] = new JsonObject { ["studentUniqueId"] = "604822" },
            ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = 48856 },
            ["addresses"] = new JsonArray([.. addresses]),
        });

    private const string SecondAddressRepeated = "The 2nd item of the addresses has the same identifying values as another item earlier in the list.";

    [Test]
    public void Addresses_alike_in_type_street_city_state_and_postal_code_are_one_address_whatever_their_other_members_and_case()
    {
        // StudentEducationOrganizationAssociationAddress_PK: the association's key, AddressTypeDescriptorId, City,
        // PostalCode, StateAbbreviationDescriptorId, StreetNumberName.
        BindAddresses(Address("Madison", "Apt 1"), Address("Madison", "Apt 2")).Errors.Should().ContainKey("$.addresses")
            .WhoseValue.Should().Equal(SecondAddressRepeated);
        BindAddresses(Address("Madison"), Address("MADISON")).Errors.Should().ContainKey("$.addresses", "strings of a key compare without regard to case");
        BindAddresses(Address("Madison", "Apt 1"), Address("Middleton", "Apt 1")).Errors.Should().NotContainKey("$.addresses");
    }

    [Test]
    public void Only_the_first_repeated_item_of_a_collection_is_named_as_the_ODS_stops_at_it()
    {
        BindAddresses(Address("Madison"), Address("Madison"), Address("Madison")).Errors["$.addresses"].Should().Equal(SecondAddressRepeated);
    }

    /// <summary>Resources with at least one Ed-Fi collection (nested ones and those in single commons count).</summary>
    private static IEnumerable<string> EndpointsWithCollections() =>
        ModelWorld.Endpoints().Where(e => CollectionsIn(ModelWorld.Resource(e)["properties"]!.AsObject(), body: null, "$").Any());

    /// <summary>
    /// Every collection of the body as (JSON path, name, item shape): "$.addresses", and nested ones inside the first
    /// item, "$.addresses[0].periods". DPI's extension and earlier-standard members are left out, as ModelWorld leaves
    /// them out of bodies. With no body, the collections the shape has.
    /// </summary>
    private static IEnumerable<(string Path, string Name, JsonObject Items)> CollectionsIn(JsonObject properties, JsonObject? body, string path)
    {
        foreach (var (name, schema) in properties)
        {
            if (name == "_ext" || schema!["x-source"] is not null || (body is not null && body[name] is null))
                continue;
            switch (schema["type"]?.GetValue<string>())
            {
                case "array":
                    var items = schema["items"]!.AsObject();
                    yield return ($"{path}.{name}", name, items);
                    foreach (var nested in CollectionsIn(items["properties"]!.AsObject(), body?[name]![0]!.AsObject(), $"{path}.{name}[0]"))
                        yield return nested;
                    break;
                case "object" when schema["reference"] is null:
                    foreach (var nested in CollectionsIn(schema["properties"]!.AsObject(), body?[name]!.AsObject(), $"{path}.{name}"))
                        yield return nested;
                    break;
            }
        }
    }

    /// <summary>The body with the collection at the path holding exactly the two items.</summary>
    private static JsonObject WithItems(JsonObject body, string path, JsonNode first, JsonNode second)
    {
        var copy = body.DeepClone().AsObject();
        JsonPath.Set(copy, path, new JsonArray(first.DeepClone(), second.DeepClone()));
        return copy;
    }

    /// <summary>
    /// The ODS compares a collection's items by the members that identify them (the child table's primary key, the
    /// model's itemIdentity), not by every member. For every collection of every resource, with full bodies made
    /// from the model: the second item given the first's identifying members (its other members its own) is refused
    /// with the ODS's message at the collection's path; the first item beside a copy of it differing in one
    /// identifying member (a reference counts as one) is accepted.
    /// </summary>
    [TestCaseSource(nameof(EndpointsWithCollections))]
    public async Task Items_equal_in_their_identifying_members_are_refused_and_items_differing_in_one_are_accepted(string endpoint)
    {
        using var simulator = WisedataSimulator.Start(new SimulatorOptions { Profile = SimulatorProfile.EdFiOds, Clients = [new ApiClient("sandbox", "sandbox-secret-1", SimulatorTestBase.LeaId)] });
        var client = new TestClient(Http, simulator.BaseUrl, "sandbox", "sandbox-secret-1");
        var body = await new ModelWorld(client).FullBodyAsync(endpoint, variant: 5);

        var collections = CollectionsIn(ModelWorld.Resource(endpoint)["properties"]!.AsObject(), body, "$").ToList();
        collections.Should().NotBeEmpty();
        foreach (var (path, name, itemShape) in collections)
        {
            var identity = itemShape["itemIdentity"]!.AsArray().Select(m => m!.GetValue<string>().Split('.')[0]).Distinct(StringComparer.Ordinal).ToList();
            var items = JsonPath.Get(body, path)!.AsArray();
            items.Should().HaveCount(2, $"ModelWorld gives {path} two items");
            var (first, second) = (items[0]!.AsObject(), items[1]!.AsObject());

            var sameIdentity = second.DeepClone().AsObject();
            foreach (var member in identity)
                sameIdentity[member] = first[member]!.DeepClone();
            if (JsonNode.DeepEquals(first, sameIdentity))
            {
                // ModelWorld gives both items the same nested collections: the second keeps only the last of one.
                var nested = sameIdentity.FirstOrDefault(m => !identity.Contains(m.Key, StringComparer.Ordinal) && m.Value is JsonArray { Count: > 1 });
                if (nested.Value is JsonArray nestedItems)
                    sameIdentity[nested.Key] = new JsonArray(nestedItems[^1]!.DeepClone());
            }
            if (second.Any(m => !identity.Contains(m.Key, StringComparer.Ordinal)))
                JsonNode.DeepEquals(first, sameIdentity).Should().BeFalse($"the {name} items have members that do not identify them, and the two items differ in them");
            var refused = await client.PostAsync(endpoint, WithItems(body, path, first, sameIdentity));
            refused.Code.Should().Be(400, $"the two {path} items have the same {string.Join(", ", identity)}: {refused}");
            refused.ValidationMessages.Should().Contain($"{path}: The 2nd item of the {name} has the same identifying values as another item earlier in the list.");

            foreach (var member in identity)
            {
                var differing = first.DeepClone().AsObject();
                differing[member] = second[member]!.DeepClone();
                var accepted = await client.PostAsync(endpoint, WithItems(body, path, first, differing));
                accepted.Code.Should().BeOneOf([200, 201], $"the two {path} items differ in {member}, which identifies them: {accepted}");
            }
        }
    }

    [TestCase(1, "1st")]
    [TestCase(2, "2nd")]
    [TestCase(3, "3rd")]
    [TestCase(4, "4th")]
    [TestCase(11, "11th")]
    [TestCase(12, "12th")]
    [TestCase(13, "13th")]
    [TestCase(21, "21st")]
    [TestCase(112, "112th")]
    public void Ordinals_are_written_as_the_ODS_writes_them(int number, string ordinal) => BodyBinder.Ordinal(number).Should().Be(ordinal);
}
