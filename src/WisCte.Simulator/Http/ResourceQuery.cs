using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WisCte.EdFi.Model;
using WisCte.Simulator.Store;

namespace WisCte.Simulator.Http;

/// <summary>
/// Paging as the ODS 7.3 validates it (Ed-Fi-ODS <c>Application/EdFi.Ods.Common/Models/Queries/QueryParametersValidator.cs</c>):
/// offset ≥ 0, limit 0–500 (25 by default), totalCount a boolean; a value that is not of its type fails model
/// binding, in ASP.NET's words. Cursor paging (<c>pageToken</c>, <c>pageSize</c>, <c>/partitions</c>) is not simulated:
/// <c>pageSize</c> without it is refused as the ODS refuses it.
/// </summary>
internal readonly record struct Paging(int Offset, int Limit, bool TotalCount)
{
    public static readonly string[] Parameters = ["offset", "limit", "totalCount", "correlationId", "pageSize"];

    public static EdFiProblem? TryRead(SimRequest request, out Paging paging)
    {
        paging = new Paging(0, 25, false);
        var (offset, limit, totalCount) = (0, 25, false);
        var (offsetText, limitText, totalText) = (request.QueryValue("offset"), request.QueryValue("limit"), request.QueryValue("totalCount"));
        if (offsetText is not null && !int.TryParse(offsetText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out offset))
            return NotValid(offsetText, "Offset");
        if (limitText is not null && !int.TryParse(limitText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out limit))
            return NotValid(limitText, "Limit");
        if (totalText is not null && !bool.TryParse(totalText, out totalCount))
            return NotValid(totalText, "TotalCount");
        if (request.QueryValue("pageSize") is not null && limitText is null)
            return EdFiProblem.ParameterValidationFailed(offsetText is null ? "PageToken is required when pageSize is specified." : "Use limit instead of pageSize when using limit/offset paging.");
        if (offset < 0)
            return EdFiProblem.ParameterValidationFailed("Offset cannot be a negative value.");
        if (limit is < 0 or > 500)
            return EdFiProblem.ParameterValidationFailed("Limit must be a value between 0 and 500.");
        paging = new Paging(offset, limit, totalCount);
        return null;
    }

    /// <summary>ASP.NET's model-binding message, which the ODS passes on.</summary>
    public static EdFiProblem NotValid(string value, string name) => EdFiProblem.ParameterValidationFailed($"The value '{value}' is not valid for {name}.");

    /// <summary>The page's items by index: O(page), whatever the offset.</summary>
    public IEnumerable<T> PageOf<T>(IReadOnlyList<T> matches)
    {
        for (var i = Offset; i < matches.Count && i < (long)Offset + Limit; i++)
            yield return matches[i];
    }

    /// <summary>The page, with the count of every match when the client asked for it.</summary>
    public SimResponse Answer(IEnumerable<JsonNode> page, int matchCount)
    {
        var response = SimResponse.Json(200, new JsonArray([.. page.Select(p => (JsonNode?)p)]));
        return TotalCount ? response.WithHeader("Total-Count", matchCount.ToString(CultureInfo.InvariantCulture)) : response;
    }
}

/// <summary>
/// Query by example, as the ODS binds a GET's query string to the resource's request model: a known key filters
/// (a value of the wrong type is 400), a key the model does not have is not bound and so ignored.
/// </summary>
internal sealed class ResourceQuery
{
    private readonly List<(string Path, string Value)> _filters;

    private ResourceQuery(List<(string, string)> filters) => _filters = filters;

    /// <summary>The filters as one text: two queries with the same key select the same items.</summary>
    public string Key => string.Join('&', _filters.Select(f => f.Path + "=" + f.Value));

    public static EdFiProblem? TryRead(ResourceSchema resource, SimRequest request, out ResourceQuery query)
    {
        var fields = QueryableFields(resource);
        var filters = new List<(string, string)>();
        query = new ResourceQuery(filters);
        foreach (var (name, value) in request.Query)
        {
            if (Paging.Parameters.Contains(name, StringComparer.OrdinalIgnoreCase) || !fields.TryGetValue(name, out var field))
                continue;
            if (!IsValidValue(field.Property, value))
                return Paging.NotValid(value, BodyBinder.Pascal(field.Property.Name));
            filters.Add((field.Path == "id" ? "id" : "$." + field.Path, value));
        }
        return null;
    }

    public bool Matches(StoredDocument document) => _filters.All(f => FilterMatches(document, f.Path, f.Value));

    /// <summary>
    /// Query-by-example names, as the ODS's flattened columns: top-level values, then the members of top-level
    /// references under their <see cref="PropertySchema.QueryName"/> (the role-prefixed column,
    /// <c>programEducationOrganizationId</c>) or, without one, their own name. Where two references' members share a
    /// name and neither has a query name, the first reference's member is the one queried.
    /// </summary>
    private static Dictionary<string, (string Path, PropertySchema Property)> QueryableFields(ResourceSchema resource)
    {
        var fields = new Dictionary<string, (string, PropertySchema)>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = ("id", new PropertySchema { Name = "id", Type = "string" }),
        };
        var references = new List<PropertySchema>();
        foreach (var property in resource.Root.Properties.Values)
        {
            if (property.IsObject && property.ReferenceName is not null)
                references.Add(property);
            else if (!property.IsObject && !property.IsArray)
                fields[property.QueryName ?? property.Name] = (property.Name, property);
        }
        // A member's own query name first, so that a plain name a role-named member gave up goes to the member that keeps it.
        foreach (var reference in references)
        {
            foreach (var member in reference.Properties.Values.Where(m => m.QueryName is not null))
                fields.TryAdd(member.QueryName!, ($"{reference.Name}.{member.Name}", member));
        }
        foreach (var reference in references)
        {
            foreach (var member in reference.Properties.Values.Where(m => m.QueryName is null))
                fields.TryAdd(member.Name, ($"{reference.Name}.{member.Name}", member));
        }
        // The members of an identification-code collection: a record matches when one of its codes does.
        foreach (var collection in resource.Root.Properties.Values.Where(p => p.IsArray && p.Items is not null))
        {
            foreach (var member in collection.Items!.Properties.Values.Where(m => m.QueryName is not null))
                fields.TryAdd(member.QueryName!, ($"{collection.Name}[].{member.Name}", member));
        }
        return fields;
    }

    /// <summary>A filter's value in a stored body: one value, or each item's for a collection member (<c>identificationCodes[].identificationCode</c>).</summary>
    private static bool FilterMatches(StoredDocument document, string path, string expected)
    {
        if (path == "id")
            return ValueMatches(JsonValue.Create(document.IdText), expected);
        var items = path.IndexOf("[].", StringComparison.Ordinal);
        if (items < 0)
            return ValueMatches(JsonPath.Get(document.Body, path), expected);
        var member = path[(items + 3)..];
        return JsonPath.Get(document.Body, path[..items]) is JsonArray array && array.Any(item => item is JsonObject o && ValueMatches(o[member], expected));
    }

    private static bool IsValidValue(PropertySchema property, string value) => property.Type switch
    {
        "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "number" => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        "boolean" => bool.TryParse(value, out _),
        _ when property.Format == "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };

    /// <summary>Strings without regard to case (as the ODS's collation compares them); numbers, dates and booleans by their text.</summary>
    public static bool ValueMatches(JsonNode? actual, string expected) => actual switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => string.Equals(v.GetValue<string>(), expected, StringComparison.OrdinalIgnoreCase),
        JsonValue v => string.Equals(v.ToJsonString(), expected, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
