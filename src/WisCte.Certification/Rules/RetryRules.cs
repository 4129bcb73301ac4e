namespace WisCte.Certification.Rules;

/// <summary>
/// After a 5xx, a 429 or a dropped connection the SIS retries the same request with growing delays, waits at least
/// what Retry-After says, and gives up within a bound.
/// </summary>
public sealed class BackOffRule : ICertificationRule
{
    /// <summary>A retry sooner than this after the failure is "at once".</summary>
    public static readonly TimeSpan Immediate = TimeSpan.FromMilliseconds(100);

    /// <summary>More attempts than this at one request is retrying without end.</summary>
    public const int MaxAttempts = 6;

    public IReadOnlyList<RuleEntry> Entries => [RuleCatalog.BackOff, RuleCatalog.GiveUp];

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var attempts in RetryRuns(context))
        {
            var resource = attempts[0].Resource;
            var gaps = new List<TimeSpan>();
            for (var i = 1; i < attempts.Count; i++)
            {
                var failed = attempts[i - 1];
                var gap = attempts[i].Entry.Timestamp - failed.Entry.Timestamp - TimeSpan.FromMilliseconds(failed.Entry.DurationMs);
                gaps.Add(gap);
                if (RetryAfter(failed) is { } wait && gap < wait - TimeSpan.FromMilliseconds(50))
                {
                    foreach (var f in context.For(resource, RuleCatalog.BackOff, $"{failed.Method} {resource} was retried {gap.TotalMilliseconds:0} ms after a {failed.Status} that said Retry-After: {wait.TotalSeconds:0} s.", failed.Sequence, attempts[i].Sequence))
                        yield return f;
                }
                else if (gap < Immediate)
                {
                    foreach (var f in context.For(resource, RuleCatalog.BackOff, $"{failed.Method} {resource} was retried {gap.TotalMilliseconds:0} ms after a {Describe(failed)}: back off before retrying.", failed.Sequence, attempts[i].Sequence))
                        yield return f;
                }
                else if (i >= 2 && gap <= gaps[^2] && RetryAfter(failed) is null)
                {
                    foreach (var f in context.For(resource, RuleCatalog.BackOff, $"{failed.Method} {resource}: the delays between retries do not grow ({gaps[^2].TotalMilliseconds:0} ms, then {gap.TotalMilliseconds:0} ms).", failed.Sequence, attempts[i].Sequence))
                        yield return f;
                }
            }
            if (attempts.Count > MaxAttempts)
            {
                foreach (var f in context.For(resource, RuleCatalog.GiveUp, $"{attempts[0].Method} {resource} was sent {attempts.Count} times after server errors: give up after at most {MaxAttempts} attempts.", [.. attempts.Select(a => a.Sequence)]))
                    yield return f;
            }
        }
    }

    /// <summary>Runs of one request (same client, method, path, body) that start with server trouble and retry it.</summary>
    private static IEnumerable<List<Exchange>> RetryRuns(JudgementContext context)
    {
        var open = new Dictionary<string, List<Exchange>>(StringComparer.Ordinal);
        foreach (var exchange in context.Exchanges.Where(e => e.IsData))
        {
            var key = exchange.Entry.ClientId + "\n" + exchange.Signature;
            if (open.TryGetValue(key, out var run))
            {
                run.Add(exchange);
                if (!exchange.IsServerTrouble)
                {
                    open.Remove(key);
                    yield return run;
                }
            }
            else if (exchange.IsServerTrouble)
            {
                open[key] = [exchange];
            }
        }
        foreach (var run in open.Values.Where(r => r.Count > 1))
            yield return run;
    }

    private static TimeSpan? RetryAfter(Exchange exchange) =>
        exchange.Status == 429 && exchange.Entry.ResponseHeaders.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value is { } value
            && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds) : null;

    private static string Describe(Exchange exchange) => exchange.Status == 0 ? "dropped connection" : exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>After WISEdata refuses a request (4xx), the SIS does not send the very same request again: it cannot succeed.</summary>
public sealed class NoResendAfterRefusalRule : ICertificationRule
{
    public IReadOnlyList<RuleEntry> Entries => [RuleCatalog.NoResendAfterRefusal];

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var refused = new Dictionary<string, (long Sequence, bool Conflict)>(StringComparer.Ordinal);
        var lastAcceptedWrite = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var exchange in context.Exchanges.Where(e => e.IsData && e.Method is "POST" or "PUT" or "DELETE"))
        {
            var client = exchange.Entry.ClientId ?? "";
            var key = client + "\n" + exchange.Signature;
            if (refused.TryGetValue(key, out var first))
            {
                var changedSince = lastAcceptedWrite.TryGetValue(client, out var written) && written > first.Sequence;
                if (!(first.Conflict && changedSince && !exchange.IsClientError))
                {
                    foreach (var f in context.For(exchange.Resource, RuleCatalog.NoResendAfterRefusal, $"{exchange.Method} {exchange.Resource} was sent again unchanged after WISEdata refused it (journal {first.Sequence}).", first.Sequence, exchange.Sequence))
                        yield return f;
                }
                refused.Remove(key); // one finding per repetition run
            }
            if (exchange.IsClientError)
                refused[key] = (exchange.Sequence, exchange.Status == 409);
            else if (exchange.Status is >= 200 and < 300)
                lastAcceptedWrite[client] = exchange.Sequence;
        }
    }
}
