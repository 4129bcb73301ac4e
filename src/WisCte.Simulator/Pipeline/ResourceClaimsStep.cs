using WisCte.EdFi.Model;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Http;

namespace WisCte.Simulator.Pipeline;

/// <summary>
/// What a key may do to a whole resource, before any item is read (the ODS's claim check comes before its
/// relationship check): in WISEdata, DPI's reference data (schools, LEAs, courses, programs, descriptors) is read-only
/// to SIS keys; a plain ODS sandbox key may write everything and POST descriptor values.
/// </summary>
internal sealed class ResourceClaimsStep(SimulatorState state) : IRequestStep
{
    public Task<SimResponse> InvokeAsync(RequestContext context, RequestHandler next)
    {
        if (context.Route.Kind != RouteKind.Data || context.Operation is DataOperation.GetById or DataOperation.GetMany)
            return next(context);
        var wisedata = state.Options.Profile == SimulatorProfile.Wisedata;
        if (context.Resource is { } resource && wisedata && resource.IsOwnedByDpi)
            return Refuse(context, $"{resource.ResourceName} records are DPI's reference data and cannot be changed by a SIS client.");
        if (context.DescriptorType is { } type && (wisedata || context.Operation != DataOperation.Post))
            return Refuse(context, $"Descriptors are DPI's reference data: a SIS client cannot change {type} values.");
        return next(context);
    }

    private static Task<SimResponse> Refuse(RequestContext context, string error) =>
        Task.FromResult(context.Problem(EdFiProblem.Authorization("Access to the requested data could not be authorized.", error)));
}
