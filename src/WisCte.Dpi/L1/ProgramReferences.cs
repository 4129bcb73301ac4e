using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WisCte.EdFi.Model;

namespace WisCte.Dpi.L1;

/// <summary>Where a record names programs: the association's own programReference, or a section's program participation.</summary>
public static class ProgramReferences
{
    public const string StudentCteProgramAssociations = "studentCTEProgramAssociations";
    public const string StudentSectionAssociations = "studentSectionAssociations";
    public const string StudentProgramAssociations = "studentProgramAssociations";

    /// <summary>(JSON path, programReference) for every program a record names.</summary>
    public static IEnumerable<(string Path, JsonObject Reference)> In(string resource, JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Is(resource, StudentCteProgramAssociations) || Is(resource, StudentProgramAssociations))
        {
            if (document["programReference"] is JsonObject reference)
                yield return ("$.programReference", reference);
            yield break;
        }
        if (!Is(resource, StudentSectionAssociations))
            yield break;
        foreach (var (path, reference) in Programs(Extension(document)?["programs"] as JsonArray, "$._ext.WI.programs"))
            yield return (path, reference);
        foreach (var (path, reference) in Programs(document["programs"] as JsonArray, "$.programs"))
            yield return (path, reference);
    }

    /// <summary>The programReference of every program a stored record names, read without a tree (as <see cref="In(string, JsonObject)"/>).</summary>
    public static IEnumerable<JsonElement> In(string resource, JsonElement document)
    {
        if (Is(resource, StudentCteProgramAssociations) || Is(resource, StudentProgramAssociations))
        {
            if (Child(document, "programReference") is { ValueKind: JsonValueKind.Object } reference)
                yield return reference;
            yield break;
        }
        if (!Is(resource, StudentSectionAssociations))
            yield break;
        foreach (var programs in new[] { Child(Extension(document), "programs"), Child(document, "programs") })
        {
            if (programs.ValueKind != JsonValueKind.Array)
                continue;
            foreach (var program in programs.EnumerateArray())
            {
                if (Child(program, "programReference") is { ValueKind: JsonValueKind.Object } reference)
                    yield return reference;
            }
        }
    }

    /// <summary>DPI's extension object (<c>_ext.WI</c>) of a stored record, whatever its casing; undefined when there is none.</summary>
    public static JsonElement Extension(JsonElement document) =>
        Child(Child(document, "_ext"), "WI");

    /// <summary>DPI's extension object (<c>_ext.WI</c>), whatever its casing.</summary>
    public static JsonObject? Extension(JsonObject document) =>
        Child(Child(document, "_ext"), "WI") as JsonObject;

    public static string? Text(JsonObject? obj, string name) =>
        Child(obj, name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The code after '#' in a descriptor value.</summary>
    public static string? Code(string? descriptor) =>
        descriptor is null ? null : descriptor[(descriptor.IndexOf('#', StringComparison.Ordinal) + 1)..];

    /// <summary>A property by name, case-insensitively, as the ODS binds JSON.</summary>
    public static JsonNode? Child(JsonNode? node, string name) =>
        node is JsonObject obj ? JsonPath.Member(obj, name) : null;

    /// <summary>A member of a record read without a tree, by name without regard to case; undefined when it is missing or the node is not an object.</summary>
    public static JsonElement Child(JsonElement node, string name)
    {
        if (node.ValueKind != JsonValueKind.Object)
            return default;
        if (node.TryGetProperty(name, out var exact))
            return exact;
        foreach (var member in node.EnumerateObject())
        {
            // Member names are compared as their UTF-8, so a missing member costs no string per member.
            if (Ascii.EqualsIgnoreCase(JsonMarshal.GetRawUtf8PropertyName(member), name))
                return member.Value;
        }
        return default;
    }

    private static IEnumerable<(string, JsonObject)> Programs(JsonArray? programs, string path)
    {
        for (var i = 0; i < (programs?.Count ?? 0); i++)
        {
            if (Child(programs![i], "programReference") is JsonObject reference)
                yield return ($"{path}[{i}].programReference", reference);
        }
    }

    private static bool Is(string resource, string name) => string.Equals(resource, name, StringComparison.OrdinalIgnoreCase);
}
