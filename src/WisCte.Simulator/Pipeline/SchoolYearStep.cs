using WisCte.EdFi.Model;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Http;

namespace WisCte.Simulator.Pipeline;

/// <summary>The route's school year (its <c>/{year}</c> prefix, or the default year) must be one this instance serves.</summary>
internal sealed class SchoolYearStep(SimulatorState state) : IRequestStep
{
    public Task<SimResponse> InvokeAsync(RequestContext context, RequestHandler next)
    {
        if (context.Route.Kind is not (RouteKind.Data or RouteKind.Token or RouteKind.Validations))
            return next(context);
        if (context.Route.Year is not { } year || state.Year(year) is not { } store)
            return Task.FromResult(context.Problem(EdFiProblem.NotFound($"School year {context.Route.Year?.ToString() ?? "in the route"} is not served here.")));
        context.Store = store;
        return next(context);
    }
}
