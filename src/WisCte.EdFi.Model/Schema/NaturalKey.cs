using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WisCte.EdFi.Model;

/// <summary>
/// Natural keys as comparable strings. Strings compare without regard to case (the ODS on SQL Server's default
/// collation, and descriptors everywhere); numbers and dates by their text.
/// </summary>
public static class NaturalKey
{
    private const char Separator = '\u001f';

    public static string Of(ResourceSchema resource, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return string.Join(Separator, resource.IdentityPaths.Select(p => Normalise(JsonPath.Get(body, p))));
    }

    /// <summary>
    /// The key of the item a reference points at: each identity path of the target is matched to the reference's
    /// member named as the target's key column (<c>sectionReference.sessionName</c> ← <c>sessionName</c>; a program
    /// evaluation's <c>programReference.educationOrganizationId</c> ← <c>programEducationOrganizationId</c>); a
    /// reference to an abstract education organization names a school's, an LEA's… id <c>educationOrganizationId</c>.
    /// Null when the reference lacks a field the target's key needs.
    /// </summary>
    public static string? OfReference(ResourceSchema target, JsonObject reference)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(reference);
        var parts = new List<string>(target.IdentityPaths.Count);
        for (var i = 0; i < target.IdentityPaths.Count; i++)
        {
            var path = target.IdentityPaths[i];
            var leaf = path[(path.LastIndexOf('.') + 1)..];
            var column = i < target.IdentityQueryNames.Count ? target.IdentityQueryNames[i] : leaf;
            var value = Field(reference, column) ?? Field(reference, leaf)
                        ?? (target.IdentityPaths.Count == 1 ? Field(reference, "educationOrganizationId") : null);
            if (value is null)
                return null;
            parts.Add(Normalise(value));
        }
        return string.Join(Separator, parts);
    }

    /// <summary>
    /// The identifying values of a collection item (its shape's <see cref="PropertySchema.ItemIdentity"/>), compared as
    /// the ODS's generated item classes compare them: strings without regard to case, dates and times by their value.
    /// Null when the model does not say which members identify the items.
    /// </summary>
    public static string? OfItem(PropertySchema item, JsonObject boundItem)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(boundItem);
        if (item.ItemIdentity.Count == 0)
            return null;
        return string.Join(Separator, item.ItemIdentity.Select(p => NormaliseMember(item.Member(p), JsonPath.Get(boundItem, p))));
    }

    private static string NormaliseMember(PropertySchema? member, JsonNode? value)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var text = v.GetValue<string>();
            var parsed = member?.Format switch
            {
                "date" when DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date) => date.ToString("O", CultureInfo.InvariantCulture),
                "time" when TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out var time) => time.ToString("O", CultureInfo.InvariantCulture),
                "date-time" when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (parsed is not null)
                return parsed;
        }
        if (value is JsonValue n && n.GetValueKind() == JsonValueKind.Number && decimal.TryParse(n.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return number.ToString("G29", CultureInfo.InvariantCulture); // 10.50 and 10.5 are one value
        return Normalise(value);
    }

    public static bool IsEducationOrganizationId(string name) =>
        name.Equals("schoolId", StringComparison.OrdinalIgnoreCase)
        || name.Equals("localEducationAgencyId", StringComparison.OrdinalIgnoreCase)
        || name.Equals("stateEducationAgencyId", StringComparison.OrdinalIgnoreCase)
        || name.Equals("educationOrganizationId", StringComparison.OrdinalIgnoreCase);

    /// <summary>Readable form of a key, for messages: the values joined with ", ".</summary>
    public static string Display(string key) => key.Replace(Separator.ToString(), ", ", StringComparison.Ordinal);

    private static JsonNode? Field(JsonObject obj, string name) => JsonPath.Member(obj, name);

    private static string Normalise(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().ToUpperInvariant(),
        _ => value.ToJsonString(),
    };
}
