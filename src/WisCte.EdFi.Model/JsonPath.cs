using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace WisCte.EdFi.Model;

/// <summary>Reads and writes values at simple JSON paths such as <c>$.programs[0].programReference.programName</c>.</summary>
public static class JsonPath
{
    /// <summary>Paths parsed once: the same few (a schema's identity paths) are read for every record.</summary>
    private static readonly ConcurrentDictionary<string, Step[]> Parsed = new(StringComparer.Ordinal);

    private const int MaxParsed = 4096;

    public static JsonNode? Get(JsonNode? root, string path)
    {
        var node = root;
        foreach (var step in StepsOf(path))
        {
            node = step.Index is { } index
                ? node is JsonArray array && index < array.Count ? array[index] : null
                : node is JsonObject obj ? Member(obj, step.Name!) : null;
            if (node is null)
                return null;
        }
        return node;
    }

    /// <summary>A member by name without regard to case; the exact spelling (a bound body's) is found without a scan.</summary>
    public static JsonNode? Member(JsonObject obj, string name)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.TryGetPropertyValue(name, out var exact))
            return exact;
        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }

    private static Step[] StepsOf(string path)
    {
        if (Parsed.TryGetValue(path, out var steps))
            return steps;
        steps = [.. Steps(path)];
        if (Parsed.Count < MaxParsed)
            Parsed.TryAdd(path, steps);
        return steps;
    }

    public static void Set(JsonNode root, string path, JsonNode? value)
    {
        var steps = StepsOf(path);
        var parent = steps.Length == 1 ? root : Get(root, Join(steps[..^1]));
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
