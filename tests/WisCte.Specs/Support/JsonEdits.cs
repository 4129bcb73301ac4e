using System.Text.Json.Nodes;
using WisCte.EdFi.Model;

namespace WisCte.Specs.Support;

/// <summary>Edits for deliberately broken samples: take out or overwrite a property at a dotted path (any case) that the sample has.</summary>
public static class JsonEdits
{
    public static void Remove(JsonNode root, string path) => JsonPath.Remove(Existing(root, path), path);

    public static void Set(JsonNode root, string path, string value) => JsonPath.Set(Existing(root, path), path, value);

    /// <summary>The sample, when it has the path: an edit of a property it does not have would test nothing.</summary>
    private static JsonNode Existing(JsonNode root, string path) =>
        JsonPath.Get(root, path) is not null ? root : throw new ArgumentException($"'{path}': the sample has no such property.", nameof(path));
}
