using WisCte.EdFi.Model;
using System.Text.Json.Nodes;
using WisCte.Dpi.Json;
using WisCte.Simulator.Http;

namespace WisCte.Simulator.Pipeline;

/// <summary>
/// A POST or PUT carries one JSON object: not too large (413), sent as JSON (415), present and well-formed (400, naming
/// where the JSON breaks). A POST may not assign the item's id.
/// </summary>
internal sealed class BodyStep(long maxBodyBytes) : IRequestStep
{
    public Task<SimResponse> InvokeAsync(RequestContext context, RequestHandler next)
    {
        if (context.Route.Kind != RouteKind.Data || context.Operation is not (DataOperation.Post or DataOperation.Put))
            return next(context);
        if (Read(context.Request) is { } problem)
            return Task.FromResult(context.Problem(problem));
        context.Body = Parse(context.Request.Body!, out var error);
        if (context.Body is null)
            return Task.FromResult(context.Problem(EdFiProblem.BadRequest(error!)));
        if (context.Operation == DataOperation.Post && context.Body.Any(p => p.Key.Equals("id", StringComparison.OrdinalIgnoreCase)))
            return Task.FromResult(context.Problem(EdFiProblem.BadRequest("Resource identifiers cannot be assigned by the client. The 'id' property should not be included in the request body.")));
        return next(context);
    }

    private EdFiProblem? Read(SimRequest request)
    {
        var text = request.Body ?? "";
        if (text.Length > maxBodyBytes)
            return EdFiProblem.PayloadTooLarge(maxBodyBytes);
        if (request.Header("Content-Type") is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return EdFiProblem.UnsupportedMediaType($"The content type '{contentType}' is not supported: send application/json.");
        return string.IsNullOrWhiteSpace(text) ? EdFiProblem.BadRequest("The request body is empty: a JSON object is expected.") : null;
    }

    private static JsonObject? Parse(string text, out string? error)
    {
        var parsed = JsonText.Parse(text);
        error = parsed.Node is JsonObject ? null
            : parsed.Error is null ? "The request body must be a JSON object." : $"The request body is {parsed.Error}.";
        return parsed.Node as JsonObject;
    }
}
