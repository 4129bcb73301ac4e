using System.Diagnostics;
using WisCte.Simulator.Http;
using WisCte.Simulator.Journal;

namespace WisCte.Simulator.Pipeline;

/// <summary>Every request and its answer go in the journal, secrets masked, whatever the later steps did.</summary>
internal sealed class JournalStep(SimulatorJournal journal, TimeProvider time, Func<SimRequest, string?> identify) : IRequestStep
{
    public async Task<SimResponse> InvokeAsync(RequestContext context, RequestHandler next)
    {
        // The entry's time is when the request arrived: a judge reads the gap between a failure's end (its time plus its
        // duration) and the retry's arrival as the client's wait.
        var arrived = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var response = await next(context).ConfigureAwait(false);
        journal.Append(JournalRecord.Of(
            arrived, context.Request, context.Route, context.ClientId ?? identify(context.Request), context.CorrelationId,
            response, Stopwatch.GetElapsedTime(started)));
        return response;
    }
}
