using System.Text.Json.Nodes;
using WisCte.Simulator.Store;

namespace WisCte.Simulator.Http;

/// <summary>
/// Which LEAs a record belongs to, for per-LEA authorization: the LEAs of every school it names (<c>schoolId</c>
/// anywhere, references included) and of its own <c>educationOrganizationReference</c>. Records that name no school
/// or LEA (students) belong to the LEA whose client created them.
/// </summary>
public static class LeaScope
{
    public static HashSet<long> LeasOf(JsonObject body, YearStore store)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(store);
        var leas = new HashSet<long>();
        foreach (var schoolId in Values(body, "schoolId"))
            AddEducationOrganization(schoolId, store, leas);
        if (body["educationOrganizationReference"]?["educationOrganizationId"] is JsonValue edOrg && edOrg.TryGetValue<long>(out var id))
            AddEducationOrganization(id, store, leas);
        return leas;
    }

    public static bool Allows(long clientLea, StoredDocument document, YearStore store)
    {
        ArgumentNullException.ThrowIfNull(document);
        var leas = LeasOf(document.Body, store);
        return leas.Count == 0 ? document.OwnerLea is null || document.OwnerLea == clientLea : leas.All(l => l == clientLea);
    }

    public static bool Allows(long clientLea, JsonObject body, YearStore store)
    {
        var leas = LeasOf(body, store);
        return leas.All(l => l == clientLea);
    }

    private static void AddEducationOrganization(long id, YearStore store, HashSet<long> leas)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (store.ByKey("schools", key) is { } school
            && school.Body["localEducationAgencyReference"]?["localEducationAgencyId"] is JsonValue lea
            && lea.TryGetValue<long>(out var leaId))
            leas.Add(leaId);
        else if (store.ByKey("localEducationAgencies", key) is not null)
            leas.Add(id);
    }

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
