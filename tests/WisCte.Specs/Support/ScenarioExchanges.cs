using System.Globalization;
using System.Text.Json.Nodes;
using WisCte.EdFi;
using WisCte.Reqnroll.NUnit.Reporting;

namespace WisCte.Specs.Support;

/// <summary>
/// The HTTP exchanges of one scenario, each attached to the report as it happens, so that it sits under the step that
/// made it (secrets and tokens are already masked by the Ed-Fi client's recorder).
/// </summary>
public sealed class ScenarioExchanges(ReportAttachments report) : IExchangeRecorder
{
    // Attachments get unique file names by check-then-write: one scenario's parallel requests take turns.
    private readonly Lock _gate = new();

    public void Record(HttpExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        lock (_gate)
        {
            var status = exchange.Status?.ToString(CultureInfo.InvariantCulture) ?? "no response";
            report.AttachJson($"{exchange.Method} {new Uri(exchange.Url).AbsolutePath} {status}", Evidence(exchange));
        }
    }

    private static JsonObject Evidence(HttpExchange exchange) => new()
    {
        ["request"] = new JsonObject
        {
            ["method"] = exchange.Method,
            ["url"] = exchange.Url,
            ["headers"] = new JsonObject(exchange.RequestHeaders.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))),
            ["body"] = Parse(exchange.RequestBody),
        },
        ["response"] = new JsonObject
        {
            ["status"] = exchange.Status,
            ["error"] = exchange.Error,
            ["headers"] = new JsonObject(exchange.ResponseHeaders.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))),
            ["body"] = Parse(exchange.ResponseBody),
            ["milliseconds"] = Math.Round(exchange.Duration.TotalMilliseconds, 1),
        },
    };

    private static JsonNode? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }
}
