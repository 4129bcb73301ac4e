using System.Text.Json.Nodes;

namespace WisCte.EdFi.ModelGenerator;

/// <summary>Lays DPI's WI extension (fixtures/edfi/wi-extension.json) over the generated Ed-Fi resources: _ext.WI members and owners.</summary>
public static class WiExtension
{
    public static void Apply(string path, JsonObject resources)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path}: not a JSON object.");
        var dpiOwned = (root["dpiOwned"] as JsonArray ?? throw new InvalidDataException($"{path}: no dpiOwned array.")).Select(e => e!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in dpiOwned.Where(e => resources[e] is null))
            throw new InvalidDataException($"{path}: dpiOwned names '{unknown}', which is not a resource.");
        foreach (var (endpoint, resource) in resources)
            resource!["owner"] = dpiOwned.Contains(endpoint) ? "dpi" : "sis";

        foreach (var (endpoint, locations) in root["earlierStandardMembers"] as JsonObject ?? [])
        {
            if (locations is not JsonObject byLocation)
                continue; // the section's "about"
            var resource = resources[endpoint] as JsonObject ?? throw new InvalidDataException($"{path}: earlierStandardMembers names '{endpoint}', which is not a resource.");
            foreach (var (location, members) in byLocation)
            {
                var target = Locate(resource, location) ?? throw new InvalidDataException($"{path}: {endpoint} has no '{location}'.");
                foreach (var (name, member) in (JsonObject)members!)
                    target["properties"]![name] = member!.DeepClone();
            }
        }

        foreach (var (endpoint, locations) in root["extensions"] as JsonObject ?? [])
        {
            var resource = resources[endpoint] as JsonObject ?? throw new InvalidDataException($"{path}: extensions names '{endpoint}', which is not a resource.");
            foreach (var (location, members) in (JsonObject)locations!)
            {
                var target = Locate(resource, location) ?? throw new InvalidDataException($"{path}: {endpoint} has no '{location}' to extend.");
                target["properties"]!["_ext"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["WI"] = new JsonObject { ["type"] = "object", ["properties"] = members!.DeepClone() } },
                };
            }
        }
    }

    /// <summary>'$' is the resource; 'a.b[]' the items of collection b inside object a.</summary>
    private static JsonObject? Locate(JsonObject resource, string location)
    {
        if (location == "$")
            return resource;
        JsonNode? node = resource;
        foreach (var step in location.Split('.'))
        {
            var name = step.TrimEnd('[', ']');
            node = node?["properties"]?[name];
            if (step.EndsWith("[]", StringComparison.Ordinal))
                node = node?["items"];
        }
        return node as JsonObject;
    }
}
