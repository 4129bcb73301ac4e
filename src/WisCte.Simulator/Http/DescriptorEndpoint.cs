using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WisCte.EdFi.Model;
using WisCte.Simulator.Descriptors;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Pipeline;

namespace WisCte.Simulator.Http;

/// <summary>
/// /data/v3/ed-fi/{type}Descriptors: the values valid in the route's school year, read by id or queried by example;
/// a plain ODS sandbox key may POST new values (WISEdata's are DPI's alone: the claims step refuses other writes).
/// </summary>
internal sealed class DescriptorEndpoint(SimulatorState state)
{
    private static readonly string[] QueryFields = ["codeValue", "namespace", "shortDescription", "id"];

    public SimResponse Handle(RequestContext context) => context.Operation switch
    {
        DataOperation.GetById => GetById(context),
        DataOperation.GetMany => GetMany(context),
        DataOperation.Post => Post(context),
        _ => throw new InvalidOperationException($"{context.Operation} of a descriptor passed the claims step."),
    };

    private SimResponse GetById(RequestContext context)
    {
        var match = Values(context).FirstOrDefault(v => string.Equals(v["id"]!.GetValue<string>(), context.Route.Id, StringComparison.OrdinalIgnoreCase));
        return match is null ? context.Problem(EdFiProblem.NotFound("The specified item could not be found.")) : SimResponse.Json(200, match);
    }

    private SimResponse GetMany(RequestContext context)
    {
        if (Paging.TryRead(context.Request, out var paging) is { } badPaging)
            return context.Problem(badPaging);
        IEnumerable<JsonObject> values = Values(context);
        foreach (var (name, value) in context.Request.Query)
        {
            // As for resources: a key the descriptor's request model does not have is not bound, so not a filter.
            if (QueryFields.FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } field)
                values = values.Where(v => ResourceQuery.ValueMatches(v[field], value));
        }
        var matches = values.ToList();
        return paging.Answer(paging.PageOf(matches), matches.Count);
    }

    private SimResponse Post(RequestContext context)
    {
        var result = BodyBinder.Bind(state.Schema.DescriptorShape, context.Body!);
        if (!result.IsValid)
            return context.Problem(EdFiProblem.DataValidationFailed(result.Errors));
        var document = result.Document;
        var value = new DescriptorValue(context.DescriptorType!, document["namespace"]!.GetValue<string>(), document["codeValue"]!.GetValue<string>(),
            document["shortDescription"]!.GetValue<string>(), document["description"]?.GetValue<string>(), null, null);
        var created = state.Descriptors.TryAdd(value);
        var location = $"{context.Request.Origin}{ResourceEndpoint.YearPrefix(context)}/data/v3/ed-fi/{context.Route.Resource}/{IdOf(value)}";
        return SimResponse.Empty(created ? 201 : 200, ("Location", location));
    }

    private List<JsonObject> Values(RequestContext context) =>
        [.. state.Descriptors.OfType(context.DescriptorType!, context.Year).Select(Json)];

    private static JsonObject Json(DescriptorValue value) => new()
    {
        ["id"] = IdOf(value),
        ["codeValue"] = value.CodeValue,
        ["namespace"] = value.Namespace,
        ["shortDescription"] = value.ShortDescription,
        ["description"] = value.Description,
    };

    /// <summary>Stable per value, so an id read once stays valid for the run.</summary>
    private static string IdOf(DescriptorValue value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value.Uri.ToUpperInvariant())).AsSpan(0, 16));
}
