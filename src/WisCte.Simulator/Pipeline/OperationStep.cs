using WisCte.EdFi.Model;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Http;

namespace WisCte.Simulator.Pipeline;

/// <summary>
/// A data route names a resource or a descriptor type the model has (else 404), and its method fits the route, as the
/// ODS's routes allow (else 405, with the ODS's messages): POST and GET on a collection; GET, PUT and DELETE on an item.
/// </summary>
internal sealed class OperationStep(SimulatorState state) : IRequestStep
{
    private const string CollectionsCannotBeReplaced = "Resource collections cannot be replaced. To \"upsert\" an item in the collection, use POST. To update a specific item, use PUT and include the \"id\" in the route.";
    private const string CollectionsCannotBeDeleted = "Resource collections cannot be deleted. To delete a specific item, use DELETE and include the \"id\" in the route.";
    private const string ItemsOnlyByPut = "Resource items can only be updated using PUT. To \"upsert\" an item in the resource collection using POST, remove the \"id\" from the route.";

    public Task<SimResponse> InvokeAsync(RequestContext context, RequestHandler next)
    {
        if (context.Route.Kind != RouteKind.Data)
            return next(context);
        var route = context.Route;
        if (route.Rest is not null || route.Resource is null
            || !(string.Equals(route.Schema, "ed-fi", StringComparison.OrdinalIgnoreCase) || string.Equals(route.Schema, "wi", StringComparison.OrdinalIgnoreCase)))
            return Refuse(context, EdFiProblem.NotFound("The specified data could not be found."));
        context.Resource = state.Schema.Find(route.Resource);
        context.DescriptorType = context.Resource is null ? state.Descriptors.TypeOfEndpoint(route.Resource) : null;
        if (context.Resource is null && context.DescriptorType is null)
            return Refuse(context, EdFiProblem.NotFound("The specified data could not be found."));

        var hasId = route.Id is not null;
        DataOperation? operation = context.Request.Method.ToUpperInvariant() switch
        {
            "GET" => hasId ? DataOperation.GetById : DataOperation.GetMany,
            "POST" when !hasId => DataOperation.Post,
            "PUT" when hasId => DataOperation.Put,
            "DELETE" when hasId => DataOperation.Delete,
            _ => null,
        };
        if (operation is not { } known)
            return Refuse(context, EdFiProblem.MethodNotAllowed(MethodNotAllowed(context.Request.Method.ToUpperInvariant())));
        context.Operation = known;
        return next(context);
    }

    private static string MethodNotAllowed(string method) => method switch
    {
        "POST" => ItemsOnlyByPut,
        "PUT" => CollectionsCannotBeReplaced,
        "DELETE" => CollectionsCannotBeDeleted,
        _ => $"The endpoint of the request does not support the '{method}' method.",
    };

    private static Task<SimResponse> Refuse(RequestContext context, EdFiProblem problem) => Task.FromResult(context.Problem(problem));
}
