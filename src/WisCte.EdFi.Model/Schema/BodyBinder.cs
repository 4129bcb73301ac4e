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

    public static BindResult Bind(PropertySchema shape, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(body);
        var result = new BindResult();
        result.Document = BindObject(shape, body, "$", result);
        return result;
    }

    private static JsonObject BindObject(PropertySchema shape, JsonObject input, string path, BindResult result)
    {
        var output = new JsonObject();
        foreach (var (key, value) in input)
        {
            if (!shape.Properties.TryGetValue(key, out var property))
                continue; // the ODS ignores members it does not know
            if (value is null)
                continue; // null is "not sent"
            var bound = BindValue(property, value, new MemberPath(path, property.Name), result);
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

    private static JsonNode? BindValue(PropertySchema property, JsonNode value, MemberPath path, BindResult result)
    {
        switch (property.Type)
        {
            case "object":
                if (value is JsonObject obj)
                    return BindObject(property, obj, path, result);
                return Invalid(result, path, property, value);

            case "array":
                if (value is not JsonArray array)
                    return Invalid(result, path, property, value);
                var items = new JsonArray();
                var arrayPath = path.ToString();
                var identities = new HashSet<string>(StringComparer.Ordinal);
                var duplicateFound = false;
                for (var i = 0; i < array.Count; i++)
                {
                    var itemPath = $"{arrayPath}[{i}]";
                    if (array[i] is not JsonObject item || property.Items is null)
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
                        result.AddError(arrayPath, $"The {Ordinal(i + 1)} item of the {property.Name} has the same identifying values as another item earlier in the list.");
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
                if (value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                    return JsonValue.Create(b.GetValue<bool>());
                if (value is JsonValue bs && bs.TryGetValue<string>(out var text) && bool.TryParse(text, out var parsed))
                    return JsonValue.Create(parsed);
                result.AddError(path, $"Unexpected value for boolean: {value.ToJsonString()} (type: {Kind(value)})");
                return null;

            default:
                return BindString(property, value, path, result);
        }
    }

    private static JsonNode? BindString(PropertySchema property, JsonNode value, MemberPath path, BindResult result)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            return Invalid(result, path, property, value);
        var text = v.GetValue<string>();

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

    private static JsonNode? Invalid(BindResult result, string path, PropertySchema property, JsonNode value)
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

    private static bool TryInteger(JsonNode value, out long integer)
    {
        integer = 0;
        if (value is not JsonValue v)
            return false;
        if (v.TryGetValue(out integer))
            return true; // a number read from JSON text, or built in code as a long
        // Newtonsoft, which the ODS binds with, also converts a numeric string.
        return v.GetValueKind() switch
        {
            // ToJsonString: a value built in code (JsonValue.Create(2026)) does not convert between numeric types.
            JsonValueKind.Number => long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer),
            JsonValueKind.String => long.TryParse(v.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer),
            _ => false,
        };
    }

    private static bool TryNumber(JsonNode value, out decimal number)
    {
        number = 0;
        if (value is not JsonValue v)
            return false;
        return v.GetValueKind() switch
        {
            JsonValueKind.Number => decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            JsonValueKind.String => decimal.TryParse(v.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    private static string Describe(JsonNode value)
    {
        var json = value.ToJsonString();
        return json.Length > 60 ? json[..60] + "…" : json;
    }

    private static string Kind(JsonNode value) => value.GetValueKind() switch
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
