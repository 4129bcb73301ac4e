using WisCte.Certification.UseCases;
using WisCte.EdFi.Model;
using WisCte.Journal;

namespace WisCte.Certification;

/// <summary>What a certification watches: the journal of the endpoint serving the SIS (the drills are the endpoint's own).</summary>
/// <param name="JournalCount">How many requests have arrived (cheap: asked every look).</param>
/// <param name="Journal">The journal so far, in order (read only when a request has arrived since the last look).</param>
public sealed record CertificationEndpoint(Func<long> JournalCount, Func<IReadOnlyList<JournalEntry>> Journal);

/// <summary>When a session stops waiting: the expected traffic has arrived and gone quiet, or time ran out.</summary>
public enum SessionState
{
    Waiting,
    Settled,
    TimedOut,
}

/// <param name="Missing">The use cases' expectations no request has met yet (their rule ids).</param>
public sealed record SessionLook(SessionState State, long Requests, IReadOnlyList<string> Missing);

/// <summary>
/// One certification run while the SIS sends its data: it looks at the traffic as it arrives and says when to judge:
/// once every expected request has arrived and the traffic has stayed quiet for the settle time, or at the time-out. Time is the
/// <see cref="TimeProvider"/>'s, so a test can move it; the loop in <see cref="WaitAsync"/> only repeats <see cref="Look"/>.
/// </summary>
public sealed class CertificationSession
{
    /// <summary>How often the traffic is looked at.</summary>
    public static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    private readonly CertificationEndpoint _endpoint;
    private readonly IReadOnlyList<CertificationUseCase> _useCases;
    private readonly SchoolYear _year;
    private readonly TimeSpan _settle;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;
    private readonly DateTimeOffset _started;
    private long _lastCount = -1;
    private DateTimeOffset _lastChange;
    private IReadOnlyList<string> _missing = [];

    public CertificationSession(CertificationEndpoint endpoint, IReadOnlyList<CertificationUseCase> useCases, SchoolYear year,
        TimeSpan settle, TimeSpan timeout, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(useCases);
        ArgumentNullException.ThrowIfNull(clock);
        (_endpoint, _useCases, _year, _settle, _timeout, _clock) = (endpoint, useCases, year, settle, timeout, clock);
        _started = _lastChange = clock.GetUtcNow();
    }

    /// <summary>One look at the traffic. The journal is read and judged again only when a request has arrived since the last look.</summary>
    public SessionLook Look()
    {
        var now = _clock.GetUtcNow();
        var count = _endpoint.JournalCount();
        if (count != _lastCount)
        {
            (_lastCount, _lastChange) = (count, now);
            var journal = _endpoint.Journal();
            // What no request has met yet: an expectation's finding that names no journal entry.
            _missing = [.. Judge.Run(journal, _useCases, _year, runL2: false).Findings
                .Where(f => f.RuleId.StartsWith("CERT-", StringComparison.Ordinal) && f.JournalEntries.Count == 0).Select(f => f.RuleId).Distinct(StringComparer.Ordinal)];
        }
        var state = _missing.Count == 0 && count > 0 && now - _lastChange >= _settle ? SessionState.Settled
            : now - _started >= _timeout ? SessionState.TimedOut
            : SessionState.Waiting;
        return new SessionLook(state, count, _missing);
    }

    /// <summary>
    /// Looks until the traffic settles, time runs out, the operator confirms or the run is interrupted, saying what it
    /// sees (every five seconds) and why it stopped.
    /// </summary>
    public async Task WaitAsync(Task<bool> operatorConfirmed, Func<string, Task> say, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operatorConfirmed);
        ArgumentNullException.ThrowIfNull(say);
        var lastProgress = DateTimeOffset.MinValue;
        while (true)
        {
            if (operatorConfirmed.IsCompletedSuccessfully && operatorConfirmed.Result)
            {
                await say("Operator confirmed: judging.").ConfigureAwait(false);
                return;
            }
            var look = Look();
            switch (look.State)
            {
                case SessionState.Settled:
                    await say($"The expected traffic arrived and stayed quiet for {_settle.TotalSeconds:0} s: judging.").ConfigureAwait(false);
                    return;
                case SessionState.TimedOut:
                    await say($"Timed out after {_timeout.TotalSeconds:0} s: judging what arrived.").ConfigureAwait(false);
                    return;
            }
            var now = _clock.GetUtcNow();
            if (now - lastProgress >= ProgressEvery)
            {
                lastProgress = now;
                await say(FormattableString.Invariant(
                    $"  {look.Requests} requests so far; {(look.Missing.Count == 0 ? "expected traffic arrived, settling" : "waiting for: " + string.Join(", ", look.Missing))}")).ConfigureAwait(false);
            }
            try
            {
                await Task.Delay(LookEvery, _clock, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await say("Interrupted: judging what arrived.").ConfigureAwait(false);
                return;
            }
        }
    }
}
