using WisCte.Simulator.Http;

namespace WisCte.Simulator.Pipeline;

/// <summary>A failure inside the simulator becomes a 500 problem the client and the journal see, never a dropped request.</summary>
internal sealed class ErrorStep : IRequestStep
{
    public async Task<SimResponse> InvokeAsync(RequestContext context, RequestHandler next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure is answered; the journal keeps the exception's type and message.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return context.Problem(EdFiProblem.System($"An unexpected error occurred in the simulator: {ex.GetType().Name}: {ex.Message}"));
        }
    }
}
