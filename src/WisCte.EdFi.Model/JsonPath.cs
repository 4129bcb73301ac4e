using System.Globalization;
using System.Text.Json.Nodes;

namespace WisCte.EdFi.Model;

/// <summary>Reads and writes values at simple JSON paths such as <c>$.programs[0].programReference.programName</c>.</summary>
public static class JsonPath
{
    public static JsonNode? Get(JsonNode? root, string path)
    {
        var node = root;
        foreach (var step in Steps(path))
        {
            node = step.Index is { } index
                ? node is JsonArray array && index < array.Count ? array[index] : null
                : (node as JsonObject)?.FirstOrDefault(p => string.Equals(p.Key, step.Name, StringComparison.OrdinalIgnoreCase)).Value;
            if (node is null)
                return null;
        }
        return node;
    }

    public static void Set(JsonNode root, string path, JsonNode? value)
    {
        var steps = Steps(path).ToList();
        var parent = steps.Count == 1 ? root : Get(root, Join(steps[..^1]));
        var last = steps[^1];
        if (last.Index is { } index && parent is JsonArray array && index < array.Count)
            array[index] = value;
        else if (last.Name is not null && parent is JsonObject obj)
            obj[obj.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, last.Name, StringComparison.OrdinalIgnoreCase)) ?? last.Name] = value;
    }

    private static string Join(IEnumerable<Step> steps) =>
        "$" + string.Concat(steps.Select(s => s.Index is { } i ? $"[{i}]" : "." + s.Name));

    private static IEnumerable<Step> Steps(string path)
    {
        var text = path.StartsWith('$') ? path[1..] : path;
        foreach (var part in text.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                yield return new Step(part, null);
                continue;
            }
            if (bracket > 0)
                yield return new Step(part[..bracket], null);
            foreach (var index in part[bracket..].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries))
                yield return new Step(null, int.Parse(index, CultureInfo.InvariantCulture));
        }
    }

    private readonly record struct Step(string? Name, int? Index);
}
