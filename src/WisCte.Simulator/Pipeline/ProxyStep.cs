using WisCte.EdFi.Model;
using WisCte.Simulator.Http;

namespace WisCte.Simulator.Pipeline;

/// <summary>Proxy mode: the API's routes are answered by the real endpoint, so nothing after this step runs for them.</summary>
internal sealed class ProxyStep(ProxyForwarder proxy) : IRequestStep
{
    public async Task<SimResponse> InvokeAsync(RequestContext context, RequestHandler next)
    {
        if (context.Route.Kind is not (RouteKind.Data or RouteKind.Token or RouteKind.Validations or RouteKind.Discovery))
            return await next(context).ConfigureAwait(false);
        var (response, clientId) = await proxy.ForwardAsync(context.Request, context.CorrelationId).ConfigureAwait(false);
        context.ClientId = clientId;
        return response;
    }
}
