using WisCte.EdFi.Model;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

/// <summary>
/// A collection may not hold the same item twice: the ODS refuses it (NoDuplicateMembersAttribute) with
/// "The 2nd item of the gradeLevels has the same identifying values as another item earlier in the list.".
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
