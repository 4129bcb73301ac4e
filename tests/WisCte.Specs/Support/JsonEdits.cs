using System.Text.Json.Nodes;

namespace WisCte.Specs.Support;

/// <summary>Edits for deliberately broken samples: take out or overwrite a property at a dotted path (any case).</summary>
public static class JsonEdits
{
    public static void Remove(JsonNode root, string path) => Edit(root, path, (parent, key) => parent.Remove(key));

    public static void Set(JsonNode root, string path, string value) => Edit(root, path, (parent, key) => parent[key] = value);

    private static void Edit(JsonNode root, string path, Action<JsonObject, string> edit)
    {
        var segments = path.Split('.');
        var parent = root;
        foreach (var segment in segments[..^1])
            parent = Child(parent, segment, path);
        var target = parent as JsonObject ?? throw new ArgumentException($"'{path}' does not lead to an object property.", nameof(path));
        edit(target, Key(target, segments[^1], path));
    }

    private static JsonNode Child(JsonNode node, string name, string path)
    {
        var obj = node as JsonObject ?? throw new ArgumentException($"'{path}': '{name}' is not inside an object.", nameof(path));
        return obj[Key(obj, name, path)] ?? throw new ArgumentException($"'{path}': '{name}' is null.", nameof(path));
    }

    private static string Key(JsonObject obj, string name, string path) =>
        obj.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"'{path}': the sample has no '{name}'.", nameof(path));
}
