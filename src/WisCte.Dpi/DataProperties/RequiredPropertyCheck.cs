using System.Text.Json.Nodes;
using WisCte.EdFi.Model;

namespace WisCte.Dpi.DataProperties;

/// <summary>Whether a resource's JSON carries every property DPI's table marks required for public LEAs.</summary>
public static class RequiredPropertyCheck
{
    public static IReadOnlyList<PropertyFinding> Check(DataPropertyTable table, string resource, SchoolYear year, JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [.. table.RequiredForPublic(resource, year).Select(property =>
        {
            var path = property.PathIn(year)!;
            var values = JsonPath.FindAll(document, path);
            var problem = values.Count == 0 ? $"missing: expected at {path}"
                : values.Any(IsBlank) ? $"empty at {path}"
                : null;
            return new PropertyFinding(property, JsonPath.Spelling(document, path), problem);
        })];
    }

    private static bool IsBlank(JsonNode value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s);
}

/// <param name="FoundAt">The path as the document spells it (e.g. <c>programReference.programname</c>).</param>
/// <param name="Problem">Null when the property is present with a value.</param>
public sealed record PropertyFinding(DataProperty Property, string FoundAt, string? Problem)
{
    public bool IsPresent => Problem is null;

    public override string ToString() => $"{Property}: {Problem ?? "present at " + FoundAt}";
}
