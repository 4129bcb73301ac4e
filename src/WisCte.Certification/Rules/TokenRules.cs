using System.Text.Json.Nodes;

namespace WisCte.Certification.Rules;

/// <summary>
/// Each of the SIS's workers reuses its token until it expires or is refused. A SIS may run several workers, each
/// with its own token; what it may not do is replace a token that is still good: a token per request, per record or
/// per batch. Where the journal names the token of each request (<see cref="WisCte.Journal.JournalEntry.TokenFingerprint"/>),
/// a new token is needless when it comes after a token of the same client and year was last used, while that token was
/// still valid and never refused (a worker that drops its token for a new one stops using the old; a parallel worker's
/// token goes on being used). Journals without fingerprints are judged per client: any new token while the last one
/// is valid is needless.
/// </summary>
public sealed class TokenReuseRule : ICertificationRule
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    public string Id => "CERT-TOKEN-REUSE";

    public string Why => "A token per request doubles the traffic and loads WISEdata's authorisation server; Ed-Fi tokens last an hour. Parallel workers may each hold one.";

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var client in context.Exchanges.Where(e => e.Entry.ClientId is not null).GroupBy(e => (e.Entry.ClientId, e.Route.Year)))
        {
            var exchanges = client.ToList();
            var needless = exchanges.Any(e => e.IsToken && e.Status == 200 && e.Entry.TokenFingerprint is not null)
                ? ReplacedWhileValid(exchanges)
                : NewWhileValid(exchanges);
            if (needless.Count == 0)
                continue;
            foreach (var f in context.For(null, Id, $"Client {client.Key.ClientId} fetched {needless.Count} new token(s) while a token it had stopped using was still valid and no 401 had come: each worker should reuse its token until it expires.", [.. needless]))
                yield return f;
        }
    }

    /// <summary>
    /// The token fetches that replaced a good token: for each token, the first fetch after its last use, if the token
    /// was still valid then and never refused. One pass to learn each token's life, then a binary search per token.
    /// </summary>
    private static List<long> ReplacedWhileValid(List<Exchange> exchanges)
    {
        var tokens = new Dictionary<string, TokenLife>(StringComparer.Ordinal);
        var fetches = new List<(long Sequence, DateTimeOffset At)>();
        foreach (var exchange in exchanges)
        {
            if (exchange.Entry.TokenFingerprint is not { } fingerprint)
                continue;
            if (exchange.IsToken)
            {
                if (exchange.Status != 200)
                    continue;
                tokens[fingerprint] = new TokenLife { ExpiresAt = exchange.Entry.Timestamp.AddSeconds(ExpiresIn(exchange)) };
                fetches.Add((exchange.Sequence, exchange.Entry.Timestamp));
            }
            else if (tokens.TryGetValue(fingerprint, out var life))
            {
                life.LastUse = exchange.Sequence;
                life.Refused |= exchange.Status == 401;
            }
        }
        var needless = new SortedSet<long>();
        foreach (var life in tokens.Values.Where(t => t.LastUse is not null && !t.Refused))
        {
            var next = FirstAfter(fetches, life.LastUse!.Value);
            if (next >= 0 && fetches[next].At < life.ExpiresAt - Margin)
                needless.Add(fetches[next].Sequence);
        }
        return [.. needless];
    }

    private static int FirstAfter(List<(long Sequence, DateTimeOffset At)> fetches, long sequence)
    {
        var (low, high) = (0, fetches.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (fetches[middle].Sequence > sequence)
                high = middle;
            else
                low = middle + 1;
        }
        return low < fetches.Count ? low : -1;
    }

    /// <summary>Without fingerprints a journal cannot tell workers apart: one token at a time per client.</summary>
    private static List<long> NewWhileValid(List<Exchange> exchanges)
    {
        DateTimeOffset? expires = null;
        var unauthorizedSince = false;
        var needless = new List<long>();
        foreach (var exchange in exchanges)
        {
            if (exchange.IsToken && exchange.Status == 200)
            {
                if (expires is { } validUntil && exchange.Entry.Timestamp < validUntil - Margin && !unauthorizedSince)
                    needless.Add(exchange.Sequence);
                expires = exchange.Entry.Timestamp.AddSeconds(ExpiresIn(exchange));
                unauthorizedSince = false;
            }
            else if (exchange.Status == 401)
            {
                unauthorizedSince = true;
            }
        }
        return needless;
    }

    private static long ExpiresIn(Exchange tokenResponse) =>
        tokenResponse.Response?["expires_in"] is JsonValue v && v.TryGetValue<long>(out var seconds) ? seconds : 3600;

    private sealed class TokenLife
    {
        public required DateTimeOffset ExpiresAt { get; init; }

        public long? LastUse { get; set; }

        public bool Refused { get; set; }
    }
}

/// <summary>After a 401, the SIS fetches a new token before sending more data requests.</summary>
public sealed class RenewAfterUnauthorizedRule : ICertificationRule
{
    public string Id => "CERT-RENEW-AFTER-401";

    public string Why => "A token can expire or be revoked at any time (WISEdata keys are per LEA subscription): the SIS must get a new one, not keep failing.";

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var client in context.Exchanges.Where(e => e.Entry.ClientId is not null).GroupBy(e => e.Entry.ClientId, StringComparer.Ordinal))
        {
            Exchange? unauthorized = null;
            foreach (var exchange in client)
            {
                if (exchange.IsToken)
                {
                    unauthorized = null;
                    continue;
                }
                if (exchange.Status != 401)
                {
                    unauthorized = null;
                    continue;
                }
                if (unauthorized is not null)
                {
                    foreach (var f in context.For(exchange.Resource, Id, $"Client {client.Key} kept sending requests with a refused token (401 at journal {unauthorized.Sequence} and {exchange.Sequence}) without fetching a new one.", unauthorized.Sequence, exchange.Sequence))
                        yield return f;
                    unauthorized = null; // one finding per run of 401s
                    continue;
                }
                unauthorized = exchange;
            }
        }
    }
}
