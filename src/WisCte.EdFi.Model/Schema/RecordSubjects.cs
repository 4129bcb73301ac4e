using System.Text.Json;
using System.Text.Json.Nodes;

namespace WisCte.EdFi.Model;

/// <summary>
/// What relationship-based authorization reads in a record, as the ODS does: the education organizations it names and
/// its student. The simulator authorizes with it, and certification reads a final state with it as the LEA's key would.
/// </summary>
public static class RecordSubjects
{
    /// <summary>Every <c>schoolId</c> the record names, at any depth, then its own <c>educationOrganizationReference</c>, with the ODS's property names.</summary>
    public static IEnumerable<(string Name, long Id)> EducationOrganizations(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var schoolId in Values(body, "schoolId"))
            yield return ("SchoolId", schoolId);
        if (body["educationOrganizationReference"]?["educationOrganizationId"] is JsonValue edOrg && edOrg.TryGetValue<long>(out var id))
            yield return ("EducationOrganizationId", id);
    }

    /// <summary>A studentUniqueId compared as natural keys compare strings: without regard to case.</summary>
    public static string? StudentKey(JsonNode? studentUniqueId) => studentUniqueId switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().ToUpperInvariant(),
        _ => studentUniqueId.ToJsonString(),
    };

    private static IEnumerable<long> Values(JsonNode? node, string name)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key.Equals(name, StringComparison.OrdinalIgnoreCase) && value is JsonValue v && v.TryGetValue<long>(out var id))
                        yield return id;
                    foreach (var nested in Values(value, name))
                        yield return nested;
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var nested in Values(item, name))
                        yield return nested;
                }
                break;
        }
    }
}
