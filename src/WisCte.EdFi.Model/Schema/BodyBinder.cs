using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WisCte.EdFi.Model;

/// <summary>
/// Binds a request body to a resource shape the way the ODS/API does: property names matched without regard to case
/// and written back in the shape's casing, unknown properties dropped, types, formats, lengths and required members
/// checked, and a collection item refused whose identifying members equal an earlier item's. It also collects the descriptors and references the body uses, for the checks that need the store.
/// </summary>
public static class BodyBinder
{
    /// <summary>1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st… as the ODS's Inflector writes them.</summary>
    public static string Ordinal(int number)
    {
        var suffix = (number % 100) is 11 or 12 or 13 ? "th" : (number % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return number.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>A body given as a tree (the simulator's request, the baseline's records).</summary>
    public static BindResult Bind(PropertySchema shape, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Bind(shape, JsonSerializer.SerializeToElement(body));
    }

    /// <summary>
    /// A body as parsed JSON, read without building its tree (the judgement binds a million of them); only the bound
    /// document is a tree.
    /// </summary>
    public static BindResult Bind(PropertySchema shape, JsonElement body)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (body.ValueKind != JsonValueKind.Object)
            throw new ArgumentException($"A body to bind is a JSON object, not {body.ValueKind}.", nameof(body));
        var result = new BindResult();
        result.Document = BindObject(shape, body, "$", result);
        return result;
    }

    private static JsonObject BindObject(PropertySchema shape, JsonElement input, string path, BindResult result)
    {
        var output = new JsonObject();
        foreach (var member in input.EnumerateObject())
        {
            if (shape.Member(member) is not { } property)
                continue; // the ODS ignores members it does not know
            if (member.Value.ValueKind == JsonValueKind.Null)
                continue; // null is "not sent"
            var bound = BindValue(property, member.Value, new MemberPath(path, property.Name), result);
            if (bound is not null)
                output[property.Name] = bound;
        }

        foreach (var required in shape.Required)
        {
            if (output.ContainsKey(required))
                continue;
            var name = shape.Properties.TryGetValue(required, out var p) ? p.Name : required;
            if (shape.ReferenceName is not null)
                result.AddError(path, $"{shape.ReferenceName} is missing the following properties: {Pascal(name)}");
            else
                result.AddError($"{path}.{name}", $"{Pascal(name)} is required.");
        }

        if (shape.ReferenceName is not null && output.Count > 0)
            result.References.Add(new ReferenceUse(path, shape.ReferenceName, output));
        return output;
    }

    /// <summary>
    /// A member's JSON path, written out only when something needs it (an object's members, an error, a descriptor): most
    /// members of an accepted body need none, and a body has dozens.
    /// </summary>
    private readonly record struct MemberPath(string Parent, string Name)
    {
        public override string ToString() => $"{Parent}.{Name}";

        public static implicit operator string(MemberPath path) => path.ToString();
    }

    private static JsonNode? BindValue(PropertySchema property, JsonElement value, MemberPath path, BindResult result)
    {
        switch (property.Type)
        {
            case "object":
                if (value.ValueKind == JsonValueKind.Object)
                    return BindObject(property, value, path, result);
                return Invalid(result, path, property, value);

            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                    return Invalid(result, path, property, value);
                var items = new JsonArray();
                var arrayPath = path.ToString();
                var identities = new HashSet<string>(StringComparer.Ordinal);
                var duplicateFound = false;
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var itemPath = $"{arrayPath}[{i++}]";
                    if (item.ValueKind != JsonValueKind.Object || property.Items is null)
                    {
                        result.AddError(itemPath, $"The value of {Pascal(property.Name)} items must be objects.");
                        continue;
                    }
                    var bound = BindObject(property.Items, item, itemPath, result);
                    // The ODS refuses an item whose identifying members (the model's itemIdentity) equal an earlier
                    // item's, naming only the first such item (NoDuplicateMembersAttribute). Where the model has no
                    // identity for the items (DPI's extension collections), items equal in every member.
                    var identity = NaturalKey.OfItem(property.Items, bound);
                    var duplicate = identity is null ? items.Any(earlier => JsonNode.DeepEquals(earlier, bound)) : !identities.Add(identity);
                    if (duplicate && !duplicateFound)
                    {
                        duplicateFound = true;
                        result.AddError(arrayPath, $"The {Ordinal(i)} item of the {property.Name} has the same identifying values as another item earlier in the list.");
                    }
                    items.Add(bound);
                }
                return items;

            case "integer":
                if (TryInteger(value, out var integer))
                    return JsonValue.Create(integer);
                return Invalid(result, path, property, value);

            case "number":
                if (TryNumber(value, out var number))
                    return JsonValue.Create(number);
                return Invalid(result, path, property, value);

            case "boolean":
                if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    return JsonValue.Create(value.GetBoolean());
                if (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var parsed))
                    return JsonValue.Create(parsed);
                result.AddError(path, $"Unexpected value for boolean: {Json(value)} (type: {Kind(value)})");
                return null;

            default:
                return BindString(property, value, path, result);
        }
    }

    private static JsonNode? BindString(PropertySchema property, JsonElement value, MemberPath path, BindResult result)
    {
        if (value.ValueKind != JsonValueKind.String)
            return Invalid(result, path, property, value);
        var text = value.GetString()!;

        if (text.Length == 0)
        {
            result.AddError(path, $"{Pascal(property.Name)} is required and should not be left empty.");
            return null;
        }
        if (property.MaxLength is { } max && text.Length > max)
            result.AddError(path, $"{Pascal(property.Name)} must be between 1 and {max} characters in length.");

        switch (property.Format)
        {
            case "date" when !IsDate(text):
                result.AddError(path, $"The value '{text}' is not valid for {Pascal(property.Name)}.");
                return null;
            case "date-time" when !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
            case "time" when !TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out _):
                result.AddError(path, $"The value '{text}' is not valid for {Pascal(property.Name)}.");
                return null;
        }

        var node = JsonValue.Create(text);
        if (property.IsDescriptor)
        {
            var type = Pascal(property.Name);
            if (!text.Contains('#', StringComparison.Ordinal))
            {
                result.AddError(path, $"{type} value '{text}' is not a valid value for use as a descriptor (a '#' is expected to delineate the namespace and code value portions).");
                return null;
            }
            result.Descriptors.Add(new DescriptorUse(path.ToString(), property.Name, text));
        }
        return node;
    }

    private static JsonNode? Invalid(BindResult result, string path, PropertySchema property, JsonElement value)
    {
        result.AddError(path, $"The value {Describe(value)} is not valid for {Pascal(property.Name)}: expected {Article(property.Type)}.");
        return null;
    }

    /// <summary>A date as the ODS reads one (yyyy-MM-dd): the common case checked without a culture-aware parse.</summary>
    private static bool IsDate(string text)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>An integer, as a JSON number or, as Newtonsoft (which the ODS binds with) converts, a numeric string.</summary>
    private static bool TryInteger(JsonElement value, out long integer)
    {
        integer = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out integer),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer),
            _ => false,
        };
    }

    private static bool TryNumber(JsonElement value, out decimal number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    /// <summary>A value written as compact JSON, as a tree writes it (the text the ODS's messages quote).</summary>
    private static string Json(JsonElement value) => JsonSerializer.Serialize(value);

    private static string Describe(JsonElement value)
    {
        var json = Json(value);
        return json.Length > 60 ? json[..60] + "…" : json;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => "Integer",
        JsonValueKind.String => "String",
        JsonValueKind.Object => "Object",
        JsonValueKind.Array => "Array",
        _ => "Value",
    };

    private static string Article(string type) => type switch
    {
        "integer" => "an integer",
        "object" => "an object",
        "array" => "an array",
        _ => "a " + type,
    };

    public static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}

public sealed class BindResult
{
    public JsonObject Document { get; internal set; } = [];

    /// <summary>JSON path → messages, as problem details' validationErrors.</summary>
    public Dictionary<string, List<string>> Errors => _errors ??= new(StringComparer.Ordinal);

    private Dictionary<string, List<string>>? _errors; // most bodies have none

    public List<DescriptorUse> Descriptors { get; } = [];
    public List<ReferenceUse> References { get; } = [];

    public bool IsValid => _errors is not { Count: > 0 };

    public void AddError(string path, string message)
    {
        if (!Errors.TryGetValue(path, out var list))
            Errors[path] = list = [];
        list.Add(message);
    }
}

/// <param name="Path">JSON path of the value, e.g. <c>$.programReference.programTypeDescriptor</c>.</param>
public sealed record DescriptorUse(string Path, string PropertyName, string Value);

/// <param name="Fields">The reference object as bound (its identity fields).</param>
public sealed record ReferenceUse(string Path, string ReferenceName, JsonObject Fields);
