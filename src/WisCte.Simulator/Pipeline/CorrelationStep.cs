using WisCte.Simulator.Http;

namespace WisCte.Simulator.Pipeline;

/// <summary>
/// The request's correlation id: the client's (a <c>correlation-id</c> header or <c>correlationId</c> query value, as
/// the ODS reads it) or a new one; echoed on successful responses, and carried in every problem body.
/// </summary>
internal sealed class CorrelationStep : IRequestStep
{
    public const string Header = "correlation-id";

    public async Task<SimResponse> InvokeAsync(RequestContext context, RequestHandler next)
    {
        context.CorrelationId = context.Request.Header(Header) ?? context.Request.QueryValue("correlationId") ?? Guid.NewGuid().ToString("N");
        var response = await next(context).ConfigureAwait(false);
        return response.Status >= 400 || response.Ending != ResponseEnding.Normal ? response : response.WithHeader(Header, context.CorrelationId);
    }
}
