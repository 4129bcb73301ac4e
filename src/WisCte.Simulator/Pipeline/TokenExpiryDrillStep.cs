using WisCte.EdFi.Model;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Http;

namespace WisCte.Simulator.Pipeline;

/// <summary>
/// The token-expiry drill: the <paramref name="atDataRequest"/>th data request to arrive (faulted ones count, as the
/// journal counts them) first expires every token issued so far, once. A SIS meets the 401 in the middle of its sync
/// at a request decided here, not by when someone looks at the traffic.
/// </summary>
internal sealed class TokenExpiryDrillStep(TokenService tokens, int atDataRequest) : IRequestStep
{
    private int _dataRequests;

    public Task<SimResponse> InvokeAsync(RequestContext context, RequestHandler next)
    {
        if (context.Route.Kind == RouteKind.Data && Interlocked.Increment(ref _dataRequests) == atDataRequest)
            tokens.ExpireAll();
        return next(context);
    }
}
