using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Pipeline;
using WisCte.Simulator.Journal;
using WisCte.Journal;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Http;

/// <summary>
/// The simulator's own admin API under /__wiscte (WireMock's stays under /__admin):
/// GET journal[?after=&amp;clientId=&amp;path=&amp;method=&amp;limit=], GET/POST/DELETE faults, POST tokens/expire[?clientId=].
/// Loopback only, like the server itself.
/// </summary>
internal sealed class AdminEndpoint(SimulatorState state)
{
    public SimResponse Handle(RequestContext context)
    {
        var (request, route, correlationId) = (context.Request, context.Route, context.CorrelationId);
        var method = request.Method.ToUpperInvariant();
        return (route.Rest?.ToLowerInvariant(), method) switch
        {
            ("journal", "GET") => Journal(request, correlationId),
            ("faults", "GET") => Faults(),
            ("faults", "POST") => AddFault(request, correlationId),
            ("faults", "DELETE") => ClearFaults(),
            ("tokens/expire", "POST") => SimResponse.Json(200, new JsonObject { ["expired"] = state.Tokens.ExpireAll(request.QueryValue("clientId")) }),
            ("health", "GET") => SimResponse.Json(200, new JsonObject { ["status"] = "ready", ["journalEntries"] = state.Journal.Count }),
            _ => EdFiProblem.NotFound($"No admin operation {method} /__wiscte/{route.Rest}. Operations: GET journal, GET|POST|DELETE faults, POST tokens/expire, GET health.")
                .ToResponse(correlationId),
        };
    }

    private SimResponse Journal(SimRequest request, string correlationId)
    {
        long after = 0;
        var limit = 10_000; // a page: a client reads on with ?after=
        if (request.QueryValue("after") is { } a && !long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out after))
            return EdFiProblem.ParameterValidationFailed($"'after' must be a journal sequence number, not '{a}'.").ToResponse(correlationId);
        if (request.QueryValue("limit") is { } l && !int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            return EdFiProblem.ParameterValidationFailed($"'limit' must be a whole number, not '{l}'.").ToResponse(correlationId);
        var entries = state.Journal.Query(new JournalQuery(after, request.QueryValue("clientId"), request.QueryValue("path"), request.QueryValue("method"), limit));
        return new SimResponse(200, SimResponse.WithContentType("application/json; charset=utf-8", []), JsonSerializer.Serialize(entries, JournalFile.JsonOptions));
    }

    private SimResponse Faults() =>
        SimResponse.Json(200, new JsonArray([.. state.Faults.Rules.Select(r => (JsonNode?)new JsonObject
        {
            ["rule"] = r.ToString(),
            ["kind"] = r.Kind.ToString(),
            ["method"] = r.Method,
            ["resource"] = r.Resource,
            ["remaining"] = r.Count,
            ["percentage"] = r.Percentage,
        })]));

    /// <summary>Body: {"fault": "503:POST:students:2"} in the command line's notation.</summary>
    private SimResponse AddFault(SimRequest request, string correlationId)
    {
        try
        {
            var text = (JsonNode.Parse(request.Body ?? "") as JsonObject)?["fault"]?.GetValue<string>()
                       ?? throw new FormatException("The body must be {\"fault\": \"KIND:METHOD:RESOURCE:COUNT\"}, e.g. {\"fault\": \"503:POST:students:2\"}.");
            var rule = FaultInjector.Parse(text);
            state.Faults.Add(rule);
            return SimResponse.Json(201, new JsonObject { ["added"] = rule.ToString() });
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException or InvalidOperationException)
        {
            return EdFiProblem.BadRequest(ex.Message).ToResponse(correlationId);
        }
    }

    private SimResponse ClearFaults()
    {
        state.Faults.Clear();
        return SimResponse.Empty(204);
    }
}
