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
    public static IReadOnlyList<(string Name, long Id)> EducationOrganizations(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var found = new List<(string, long)>(2);
        CollectSchoolIds(body, found);
        if (body["educationOrganizationReference"]?["educationOrganizationId"] is JsonValue edOrg && edOrg.TryGetValue<long>(out var id))
            found.Add(("EducationOrganizationId", id));
        return found;
    }

    /// <summary>A studentUniqueId compared as natural keys compare strings: without regard to case.</summary>
    public static string? StudentKey(JsonNode? studentUniqueId) => studentUniqueId switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().ToUpperInvariant(),
        _ => studentUniqueId.ToJsonString(),
    };

    /// <summary>Every <c>schoolId</c> at any depth, in document order (one walk, nothing allocated per level).</summary>
    private static void CollectSchoolIds(JsonNode? node, List<(string, long)> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (value is JsonValue v)
                    {
                        if (key.Equals("schoolId", StringComparison.OrdinalIgnoreCase) && v.TryGetValue<long>(out var id))
                            found.Add(("SchoolId", id));
                    }
                    else
                    {
                        CollectSchoolIds(value, found);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    CollectSchoolIds(item, found);
                break;
        }
    }
}
