using WisCte.EdFi.Model;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Http;

namespace WisCte.Simulator.Pipeline;

/// <summary>Data and validation routes need a bearer token this instance issued for the route's school year, unexpired.</summary>
internal sealed class AuthenticationStep(TokenService tokens) : IRequestStep
{
    public Task<SimResponse> InvokeAsync(RequestContext context, RequestHandler next)
    {
        if (context.Route.Kind is not (RouteKind.Data or RouteKind.Validations))
            return next(context);
        var bearer = BearerToken.Parse(context.Request.Header("Authorization"));
        if (bearer.Token is not { } token)
            return Refuse(context, bearer.Error!);
        context.ClientId = tokens.Peek(token)?.Client.ClientId;
        context.Token = tokens.Validate(token, context.Year);
        return context.Token is null ? Refuse(context, "Invalid token") : next(context);
    }

    private static Task<SimResponse> Refuse(RequestContext context, string error) =>
        Task.FromResult(context.Problem(EdFiProblem.Authentication(error)));
}
