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

    public static JsonNode? Get(JsonNode? root, string path) => Walk(root, StepsOf(path));

    /// <summary>The node the steps lead to from the root, or null when one is missing.</summary>
    private static JsonNode? Walk(JsonNode? root, ReadOnlySpan<Step> steps)
    {
        var node = root;
        foreach (var step in steps)
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
        return OtherCase(obj, name) is { } key ? obj[key] : null;
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

    /// <summary>Sets the value at a path: a member the object has under any case keeps its spelling; a missing one is added.</summary>
    public static void Set(JsonNode root, string path, JsonNode? value)
    {
        var steps = StepsOf(path);
        var parent = Walk(root, steps.AsSpan(..^1));
        var last = steps[^1];
        if (last.Index is { } index && parent is JsonArray array && index < array.Count)
            array[index] = value;
        else if (last.Name is not null && parent is JsonObject obj)
            obj[KeyOf(obj, last.Name) ?? last.Name] = value;
    }

    /// <summary>Removes the member at a path (any case); false when there is none.</summary>
    public static bool Remove(JsonNode root, string path)
    {
        var steps = StepsOf(path);
        var parent = Walk(root, steps.AsSpan(..^1));
        return steps[^1].Name is { } name && parent is JsonObject obj && KeyOf(obj, name) is { } key && obj.Remove(key);
    }

    /// <summary>
    /// The values at a dotted path in which <c>[]</c> means every item of a non-empty array
    /// (<c>_ext.wi.programs[].programReference.programName</c>), names matched without regard to case; empty when any
    /// step is missing, null or an empty array (every item must carry the rest of the path).
    /// </summary>
    public static IReadOnlyList<JsonNode> FindAll(JsonNode? root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        IReadOnlyList<JsonNode> current = root is null ? [] : [root];
        foreach (var segment in path.Split('.'))
        {
            var every = segment.EndsWith("[]", StringComparison.Ordinal);
            var name = every ? segment[..^2] : segment;
            var next = new List<JsonNode>();
            foreach (var node in current)
            {
                if ((node as JsonObject) is not { } obj || Member(obj, name) is not { } child)
                    return [];
                if (!every)
                    next.Add(child);
                else if (child is JsonArray { Count: > 0 } items && items.All(i => i is not null))
                    next.AddRange(items!);
                else
                    return [];
            }
            current = next;
        }
        return current;
    }

    /// <summary>The spelling of each member name along a <see cref="FindAll"/> path as the document writes it (for messages).</summary>
    public static string Spelling(JsonNode? root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var spelled = new List<string>();
        var node = root;
        foreach (var segment in path.Split('.'))
        {
            var every = segment.EndsWith("[]", StringComparison.Ordinal);
            var name = every ? segment[..^2] : segment;
            if (node is not JsonObject obj || KeyOf(obj, name) is not { } key)
                return string.Join('.', spelled.Append(segment));
            spelled.Add(every ? key + "[]" : key);
            node = every ? (obj[key] as JsonArray)?.FirstOrDefault() : obj[key];
        }
        return string.Join('.', spelled);
    }

    /// <summary>The object's own spelling of a member name (exact first, then without regard to case), or null.</summary>
    public static string? KeyOf(JsonObject obj, string name)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.ContainsKey(name) ? name : OtherCase(obj, name);
    }

    /// <summary>The first member name equal to the name without regard to case (a scan: the exact spelling is looked up first).</summary>
    private static string? OtherCase(JsonObject obj, string name)
    {
        foreach (var (key, _) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return key;
        }
        return null;
    }

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
