using System.Diagnostics;
using WisCte.Simulator.Http;
using WisCte.Simulator.Journal;

namespace WisCte.Simulator.Pipeline;

/// <summary>Every request and its answer go in the journal, secrets masked, whatever the later steps did.</summary>
internal sealed class JournalStep(SimulatorJournal journal, TimeProvider time, Func<SimRequest, string?> identify) : IRequestStep
{
    public async Task<SimResponse> InvokeAsync(RequestContext context, RequestHandler next)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(context).ConfigureAwait(false);
        journal.Append(JournalRecord.Of(
            time.GetUtcNow(), context.Request, context.Route, context.ClientId ?? identify(context.Request), context.CorrelationId,
            response, Stopwatch.GetElapsedTime(started)));
        return response;
    }
}
