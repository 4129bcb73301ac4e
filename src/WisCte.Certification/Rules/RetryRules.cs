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

    public RuleJudge Start(JudgementContext context) => new Judge(context);

    /// <summary>
    /// Runs of one request (same client, method, path, body) that start with server trouble and retry it: only the
    /// requests that met trouble are held, until the run ends.
    /// </summary>
    private sealed class Judge(JudgementContext context) : RuleJudge(context)
    {
        private readonly Dictionary<string, List<Exchange>> _open = new(StringComparer.Ordinal);

        public override void Observe(Exchange exchange)
        {
            if (!exchange.IsData)
                return;
            // Only a request that met trouble, or may retry one that did, needs its signature.
            if (!exchange.IsServerTrouble && _open.Count == 0)
                return;
            var key = exchange.Entry.ClientId + "\n" + exchange.Signature;
            if (_open.TryGetValue(key, out var run))
            {
                run.Add(exchange);
                if (!exchange.IsServerTrouble)
                {
                    _open.Remove(key);
                    JudgeRun(run);
                }
            }
            else if (exchange.IsServerTrouble)
            {
                _open[key] = [exchange];
            }
        }

        protected override void Conclude()
        {
            foreach (var run in _open.Values.Where(r => r.Count > 1))
                JudgeRun(run);
        }

        private void JudgeRun(List<Exchange> attempts)
        {
            var resource = attempts[0].Resource;
            var gaps = new List<TimeSpan>();
            for (var i = 1; i < attempts.Count; i++)
            {
                var failed = attempts[i - 1];
                var gap = attempts[i].Entry.Timestamp - failed.Entry.Timestamp - TimeSpan.FromMilliseconds(failed.Entry.DurationMs);
                gaps.Add(gap);
                if (RetryAfter(failed) is { } wait && gap < wait - TimeSpan.FromMilliseconds(50))
                    Report(resource, RuleCatalog.BackOff, $"{failed.Method} {resource} was retried {gap.TotalMilliseconds:0} ms after a {failed.Status} that said Retry-After: {wait.TotalSeconds:0} s.", failed.Sequence, attempts[i].Sequence);
                else if (gap < Immediate)
                    Report(resource, RuleCatalog.BackOff, $"{failed.Method} {resource} was retried {gap.TotalMilliseconds:0} ms after a {Describe(failed)}: back off before retrying.", failed.Sequence, attempts[i].Sequence);
                else if (i >= 2 && gap <= gaps[^2] && RetryAfter(failed) is null)
                    Report(resource, RuleCatalog.BackOff, $"{failed.Method} {resource}: the delays between retries do not grow ({gaps[^2].TotalMilliseconds:0} ms, then {gap.TotalMilliseconds:0} ms).", failed.Sequence, attempts[i].Sequence);
            }
            if (attempts.Count > MaxAttempts)
                Report(resource, RuleCatalog.GiveUp, $"{attempts[0].Method} {resource} was sent {attempts.Count} times after server errors: give up after at most {MaxAttempts} attempts.", [.. attempts.Select(a => a.Sequence)]);
        }
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

    public RuleJudge Start(JudgementContext context) => new Judge(context);

    /// <summary>Holds the refused requests' signatures until repeated, and each client's last accepted write.</summary>
    private sealed class Judge(JudgementContext context) : RuleJudge(context)
    {
        private readonly Dictionary<string, (long Sequence, bool Conflict)> _refused = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _lastAcceptedWrite = new(StringComparer.Ordinal);

        public override void Observe(Exchange exchange)
        {
            if (!exchange.IsData || exchange.Method is not ("POST" or "PUT" or "DELETE"))
                return;
            var client = exchange.Entry.ClientId ?? "";
            // Only a refusal, or what may repeat one, needs its signature.
            if (exchange.IsClientError || _refused.Count > 0)
            {
                var key = client + "\n" + exchange.Signature;
                if (_refused.Remove(key, out var first)) // one finding per repetition run
                {
                    var changedSince = _lastAcceptedWrite.TryGetValue(client, out var written) && written > first.Sequence;
                    if (!(first.Conflict && changedSince && !exchange.IsClientError))
                        Report(exchange.Resource, RuleCatalog.NoResendAfterRefusal, $"{exchange.Method} {exchange.Resource} was sent again unchanged after WISEdata refused it (journal {first.Sequence}).", first.Sequence, exchange.Sequence);
                }
                if (exchange.IsClientError)
                    _refused[key] = (exchange.Sequence, exchange.Status == 409);
            }
            if (exchange.Status is >= 200 and < 300)
                _lastAcceptedWrite[client] = exchange.Sequence;
        }
    }
}
