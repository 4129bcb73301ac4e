using WisCte.EdFi.Model;
using System.Globalization;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Http;

namespace WisCte.Simulator.Pipeline;

/// <summary>
/// Injected faults on data and token routes: a 500, 503 or 429 answers instead of the API; a delay answers late.
/// (A dropped connection needs the server's own connection: the host does that before the pipeline.)
/// </summary>
internal sealed class FaultStep(FaultInjector faults) : IRequestStep
{
    public async Task<SimResponse> InvokeAsync(RequestContext context, RequestHandler next)
    {
        if (context.Route.Kind is not (RouteKind.Data or RouteKind.Token)
            || faults.Next(TargetOf(context.Route), context.Request.Method, kind => kind != FaultKind.DropConnection) is not { } fault)
            return await next(context).ConfigureAwait(false);
        if (fault.Kind != FaultKind.Delay)
            return Answer(fault, context.CorrelationId);

        var response = await next(context).ConfigureAwait(false);
        var delay = TimeSpan.FromMilliseconds(fault.DelayMilliseconds);
        await Task.Delay(delay).ConfigureAwait(false);
        return response with { Delay = delay, InjectedFault = $"delay {fault.DelayMilliseconds} ms" };
    }

    /// <summary>What a fault rule names: the resource, or "oauth" for the token endpoint.</summary>
    public static string? TargetOf(Route route) => route.Kind == RouteKind.Token ? "oauth" : route.Resource;

    private static SimResponse Answer(FaultRule fault, string correlationId) => fault.Kind switch
    {
        FaultKind.ServerError => EdFiProblem.System("An unexpected error occurred on the server (injected fault).").ToResponse(correlationId) with { InjectedFault = "500" },
        FaultKind.ServiceUnavailable => new EdFiProblem(503, "urn:ed-fi:api:service-unavailable", "Service Unavailable", "The service is temporarily unavailable (injected fault).")
            .ToResponse(correlationId) with { InjectedFault = "503" },
        FaultKind.TooManyRequests => new EdFiProblem(429, "urn:ed-fi:api:too-many-requests", "Too Many Requests", "Too many requests: retry later (injected fault).")
            .ToResponse(correlationId).WithHeader("Retry-After", fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture)) with { InjectedFault = "429" },
        _ => throw new InvalidOperationException($"Fault {fault} is not answered by the pipeline."),
    };
}
