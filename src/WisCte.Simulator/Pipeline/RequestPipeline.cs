using WisCte.Simulator.Http;

namespace WisCte.Simulator.Pipeline;

/// <summary>What runs a request from one step on: the next step, or at the end the handler.</summary>
internal delegate Task<SimResponse> RequestHandler(RequestContext context);

/// <summary>
/// One single-purpose step of handling a request: it may answer itself (a fault, a refusal) or call the rest of the
/// pipeline and work on its answer (the journal, the correlation header). Steps that concern some routes only pass
/// the others on untouched.
/// </summary>
internal interface IRequestStep
{
    Task<SimResponse> InvokeAsync(RequestContext context, RequestHandler next);
}

/// <summary>Steps in order, then the handler: the shape of the Ed-Fi Data Management Service's request pipelines.</summary>
internal sealed class RequestPipeline
{
    private readonly RequestHandler _entry;

    public RequestPipeline(IEnumerable<IRequestStep> steps, RequestHandler handler)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _entry = handler;
        foreach (var step in steps.Reverse())
        {
            var next = _entry;
            _entry = context => step.InvokeAsync(context, next);
        }
    }

    public Task<SimResponse> RunAsync(RequestContext context) => _entry(context);
}
