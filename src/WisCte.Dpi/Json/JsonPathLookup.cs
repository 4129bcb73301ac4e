using System.Text.Json.Nodes;
using WisCte.EdFi.Model;

namespace WisCte.Dpi.Json;

/// <summary>
/// Finds a value by a dotted path such as <c>_ext.wi.programs[].programReference.programName</c>, matching property
/// names without regard to case, as the Ed-Fi ODS/API binds them. <c>[]</c> means every item of a non-empty array.
/// </summary>
public static class JsonPathLookup
{
    /// <summary>The values at the path; empty when any step is missing, null or an empty array.</summary>
    public static IReadOnlyList<JsonNode> Find(JsonNode? root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        IReadOnlyList<JsonNode> current = root is null ? [] : [root];
        foreach (var segment in path.Split('.'))
        {
            var name = segment.EndsWith("[]", StringComparison.Ordinal) ? segment[..^2] : segment;
            var next = new List<JsonNode>();
            foreach (var node in current)
            {
                var child = Property(node, name);
                if (child is null)
                    return []; // every item must carry the rest of the path
                if (segment.EndsWith("[]", StringComparison.Ordinal))
                {
                    if (child is not JsonArray { Count: > 0 } items || items.Any(i => i is null))
                        return [];
                    next.AddRange(items!);
                }
                else
                {
                    next.Add(child);
                }
            }
            current = next;
        }
        return current;
    }

    /// <summary>The actual spelling of each property name along the path, as the document writes it.</summary>
    public static string Spelling(JsonNode? root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var spelled = new List<string>();
        var node = root;
        foreach (var segment in path.Split('.'))
        {
            var isArray = segment.EndsWith("[]", StringComparison.Ordinal);
            var name = isArray ? segment[..^2] : segment;
            var actual = (node as JsonObject)?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
            if (actual is not { Key: { } key })
                return string.Join('.', spelled.Append(segment));
            spelled.Add(isArray ? key + "[]" : key);
            node = isArray ? (actual.Value.Value as JsonArray)?.FirstOrDefault() : actual.Value.Value;
        }
        return string.Join('.', spelled);
    }

    private static JsonNode? Property(JsonNode node, string name) =>
        node is JsonObject obj ? JsonPath.Member(obj, name) : null;
}
