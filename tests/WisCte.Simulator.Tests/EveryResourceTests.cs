using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

/// <summary>
/// Every Ed-Fi DS 5.2 resource, one test case each, with bodies made from the generated model (not from what the
/// simulator knows): a body holding every member round-trips exactly (by id and by a natural-key query), a PUT of a
/// non-key member is kept, and a DELETE removes it. The simulator runs as a plain Ed-Fi ODS/API here (no DPI rules or
/// ownership), so the test is of Ed-Fi's behaviour alone; DPI's rules have tests of their own.
/// </summary>
public sealed class EveryResourceTests
{
    private static readonly HttpClient Http = new();

    // A simulator of its own per case: records one case makes (a grade's section association) must not be another's.
    private static (WisedataSimulator Simulator, TestClient Sandbox) Start()
    {
        var simulator = WisedataSimulator.Start(new SimulatorOptions
        {
            Profile = SimulatorProfile.EdFiOds,
            Clients = [new ApiClient("sandbox", "sandbox-secret-1", SimulatorTestBase.LeaId)],
        });
        return (simulator, new TestClient(Http, simulator.BaseUrl, "sandbox", "sandbox-secret-1"));
    }

    [TestCaseSource(typeof(ModelWorld), nameof(ModelWorld.Endpoints))]
    public async Task A_body_with_every_member_reads_back_exactly_is_updated_in_place_and_deleted(string endpoint)
    {
        var (simulator, sandbox) = Start();
        using var _ = simulator;
        var world = new ModelWorld(sandbox);
        // Variants 0 and 1 are the records it references (a collection's two items point at two of them).
        var body = await world.FullBodyAsync(endpoint, variant: 5);

        var post = await sandbox.PostAsync(endpoint, body);
        post.Code.Should().Be(201, $"a body with every member of {endpoint} is valid Ed-Fi: {post}\nbody: {body.ToJsonString()}");

        var byId = await sandbox.GetAsync($"{endpoint}/{post.Id}");
        byId.Code.Should().Be(200);
        JsonDiff.FirstDifference(body, ModelWorld.WithoutServerMembers(byId.Json)).Should().BeNull("every member is stored and returned as sent");

        var query = string.Join("&", ModelWorld.KeyQuery(endpoint, body).Select(k => $"{k.QueryName}={Uri.EscapeDataString(k.Value)}"));
        var byKey = await sandbox.GetAsync(endpoint, query);
        byKey.Code.Should().Be(200, $"the natural-key query {query} is the ODS's");
        byKey.Json!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Should().Equal([post.Id], $"?{query} finds exactly the posted record");

        var unknownKey = await sandbox.GetAsync(endpoint, query + "&noSuchProperty=1");
        unknownKey.Code.Should().Be(200, "the ODS ignores a query key its resource does not have");
        unknownKey.Json!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Should().Equal([post.Id]);

        foreach (var (parameter, value) in ModelWorld.RoleNamedParameters(endpoint, body).Concat(ModelWorld.CollectionParameters(endpoint, body)))
        {
            var found = await sandbox.GetAsync(endpoint, $"{parameter}={Uri.EscapeDataString(value)}");
            found.Code.Should().Be(200, $"{parameter} is the ODS's own query parameter on {endpoint}");
            found.Json!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Should().Contain(post.Id, $"?{parameter}={value} names the posted record");
            var other = await sandbox.GetAsync(endpoint, $"{parameter}={Uri.EscapeDataString(ModelWorld.OtherValue(value))}");
            other.Code.Should().Be(200);
            other.Json!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Should().NotContain(post.Id, $"?{parameter} filters");
        }

        var changed = ChangeOneNonKeyMember(endpoint, body);
        if (changed is not null)
        {
            (await sandbox.PutAsync(endpoint, post.Id, changed)).Code.Should().Be(204);
            var afterPut = await sandbox.GetAsync($"{endpoint}/{post.Id}");
            JsonDiff.FirstDifference(changed, ModelWorld.WithoutServerMembers(afterPut.Json)).Should().BeNull("the PUT's change is kept");
        }

        (await sandbox.DeleteAsync(endpoint, post.Id)).Code.Should().Be(204);
        (await sandbox.GetAsync($"{endpoint}/{post.Id}")).Code.Should().Be(404);
    }

    private static IEnumerable<string> EndpointsWithSharedKeys() =>
        ModelWorld.Endpoints().Where(e => ModelWorld.Resource(e)["unifiedKeys"] is JsonArray { Count: > 0 });

    [TestCaseSource(nameof(EndpointsWithSharedKeys))]
    public async Task Two_references_that_disagree_on_a_key_they_share_are_refused_with_the_ODS_message(string endpoint)
    {
        var (simulator, sandbox) = Start();
        using var _ = simulator;
        var body = await new ModelWorld(sandbox).FullBodyAsync(endpoint, variant: 5);
        foreach (var shared in ModelWorld.Resource(endpoint)["unifiedKeys"]!.AsArray())
        {
            var name = shared!["queryName"]!.GetValue<string>();
            var paths = shared["paths"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
            var conflicting = body.DeepClone().AsObject();
            var last = paths[^1].Split('.');
            var original = last.Aggregate((JsonNode?)conflicting, (n, p) => n?[p])!;
            var changed = ModelWorld.OtherValue(original);
            if (last.Length == 1)
                conflicting[last[0]] = changed;
            else
                conflicting[last[0]]![last[1]] = changed;

            var response = await sandbox.PostAsync(endpoint, conflicting);
            response.Code.Should().Be(400, $"{endpoint} stores '{name}' once; {string.Join(" and ", paths)} must agree");
            foreach (var path in paths)
            {
                response.ValidationMessages.Should().Contain(m => m.StartsWith($"$.{path}: All values supplied for '{name}' must match. Review all references and align the following conflicting values: ", StringComparison.Ordinal),
                    "the ODS names every path that holds a conflicting value");
            }
        }
        (await sandbox.PostAsync(endpoint, body)).Code.Should().Be(201, "the same body with the shared keys in agreement is accepted");
    }

    /// <summary>The body with its first member that is not part of the natural key changed; null when every member is key.</summary>
    private static JsonObject? ChangeOneNonKeyMember(string endpoint, JsonObject body)
    {
        var resource = ModelWorld.Resource(endpoint);
        var keyRoots = resource["identityJsonPaths"]!.AsArray().Select(p => p!.GetValue<string>()[2..].Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var copy = body.DeepClone().AsObject();
        foreach (var (name, value) in body)
        {
            if (keyRoots.Contains(name) || value is not JsonValue v)
                continue;
            var schema = resource["properties"]![name]!;
            if (schema["descriptor"] is not null || schema["format"] is not null)
                continue;
            copy[name] = v.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.String => v.GetValue<string>()[..^1] + "X",
                System.Text.Json.JsonValueKind.Number => decimal.Parse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) + 1,
                System.Text.Json.JsonValueKind.True => false,
                System.Text.Json.JsonValueKind.False => true,
                _ => value.DeepClone(),
            };
            return copy;
        }
        return null;
    }
}
