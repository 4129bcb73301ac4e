using System.Text.Json.Nodes;

namespace WisCte.EdFi;

/// <summary>An Ed-Fi problem-details body (RFC 9457): what the harness asserts on is status and type, not wording.</summary>
public sealed record ProblemDetails(
    int Status,
    string Type,
    string? Title,
    string? Detail,
    string? CorrelationId,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ValidationErrors,
    IReadOnlyList<string> Errors)
{
    /// <summary>Every message, validation errors as "path: message".</summary>
    public IEnumerable<string> Messages =>
        ValidationErrors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).Concat(Errors);

    public static ProblemDetails? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        if (json?["type"] is not JsonValue type || !type.TryGetValue<string>(out var typeText))
            return null;
        var validation = (json["validationErrors"] as JsonObject ?? [])
            .ToDictionary(
                e => e.Key,
                e => (IReadOnlyList<string>)[.. (e.Value as JsonArray ?? []).Select(m => m?.ToString() ?? "")],
                StringComparer.Ordinal);
        return new ProblemDetails(
            json["status"] is JsonValue s && s.TryGetValue<int>(out var status) ? status : 0,
            typeText,
            json["title"]?.ToString(),
            json["detail"]?.ToString(),
            json["correlationId"]?.ToString(),
            validation,
            [.. (json["errors"] as JsonArray ?? []).Select(e => e?.ToString() ?? "")]);
    }
}
