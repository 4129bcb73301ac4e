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

    public IReadOnlyList<RuleEntry> Entries => [RuleCatalog.TokenReuse];

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
            foreach (var f in context.For(null, RuleCatalog.TokenReuse, $"Client {client.Key.ClientId} fetched {needless.Count} new token(s) while a token it had stopped using was still valid and no 401 had come: each worker should reuse its token until it expires.", [.. needless]))
                yield return f;
        }
    }

    /// <summary>
    /// The token fetches that replaced a good token. One pass learns each token's life; a sweep in journal order then
    /// matches each fetch with one token dropped before it (last used, still valid, never refused): a worker that drops
    /// its token and fetches another. Each dropped token is matched once, so workers that drop and fetch together are
    /// each counted, and many workers finishing before one fetch count once.
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
                tokens[fingerprint] = new TokenLife { Fetched = exchange.Sequence, ExpiresAt = exchange.Entry.Timestamp.AddSeconds(ExpiresIn(exchange)) };
                fetches.Add((exchange.Sequence, exchange.Entry.Timestamp));
            }
            else if (tokens.TryGetValue(fingerprint, out var life))
            {
                life.LastUse = exchange.Sequence;
                life.Refused |= exchange.Status == 401;
            }
        }
        var dropped = tokens.Values.Where(t => t.LastUse is not null && !t.Refused).OrderBy(t => t.LastUse).ToList();
        var stillGood = new PriorityQueue<TokenLife, DateTimeOffset>(); // dropped before the current fetch, by expiry
        var (next, needless) = (0, new List<long>());
        foreach (var (sequence, at) in fetches)
        {
            for (; next < dropped.Count && dropped[next].LastUse < sequence; next++)
                stillGood.Enqueue(dropped[next], dropped[next].ExpiresAt);
            while (stillGood.TryPeek(out _, out var expires) && expires - Margin <= at)
                stillGood.Dequeue();
            if (stillGood.TryDequeue(out _, out _))
                needless.Add(sequence);
        }
        // A worker that finishes drops a good token, and another worker starting later fetches one: the journal cannot
        // tell that from a replacement. Up to one fewer than the most workers the SIS ran at once is allowed for it.
        var allowance = PeakInUse(tokens.Values) - 1;
        return [.. needless.Skip(Math.Max(0, allowance))];
    }

    /// <summary>The most tokens held at once (from a token's fetch to its last use), by a sweep over those moments.</summary>
    private static int PeakInUse(IEnumerable<TokenLife> tokens)
    {
        var moments = tokens.Where(t => t.LastUse is not null)
            .SelectMany(t => new[] { (At: t.Fetched, Change: 1), (At: t.LastUse!.Value, Change: -1) })
            .OrderBy(m => m.At).ThenByDescending(m => m.Change);
        var (inUse, peak) = (0, 0);
        foreach (var (_, change) in moments)
        {
            inUse += change;
            peak = Math.Max(peak, inUse);
        }
        return peak;
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
        public required long Fetched { get; init; }

        public required DateTimeOffset ExpiresAt { get; init; }

        public long? LastUse { get; set; }

        public bool Refused { get; set; }
    }
}

/// <summary>
/// After a 401 the SIS fetches a new token, and stops sending the refused one. Where the journal names each request's
/// token, each refused token is judged on its own: after its first 401, once the client's next token fetch came back, a
/// request still carrying it is a refused token kept in use (parallel workers that were sending with it before the new
/// token arrived are not); a client that never fetches a token again, and sends the refused one after its 401 came
/// back, keeps using it. Journals without token names: two 401s of one client with no token fetch between.
/// </summary>
public sealed class RenewAfterUnauthorizedRule : ICertificationRule
{
    private static RuleEntry Rule => RuleCatalog.RenewAfterUnauthorized;

    public IReadOnlyList<RuleEntry> Entries => [Rule];

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var client in context.Exchanges.Where(e => e.Entry.ClientId is not null).GroupBy(e => e.Entry.ClientId, StringComparer.Ordinal))
        {
            var exchanges = client.ToList();
            var kept = exchanges.Any(e => !e.IsToken && e.Entry.TokenFingerprint is not null) ? KeptByToken(exchanges) : KeptInARow(exchanges);
            foreach (var (refused, again) in kept)
            {
                foreach (var f in context.For(again.Resource, Rule, $"Client {client.Key} sent journal {again.Sequence} with a token WISEdata had refused (401 at journal {refused.Sequence}) instead of fetching a new one.", refused.Sequence, again.Sequence))
                    yield return f;
            }
        }
    }

    /// <summary>Per refused token, the first request that still carried it once a new token was at hand (or, with none fetched, once its 401 came back).</summary>
    private static IEnumerable<(Exchange Refused, Exchange Again)> KeptByToken(List<Exchange> exchanges)
    {
        var fetches = exchanges.Where(e => e.IsToken && e.Status == 200).Select(e => e.Entry).OrderBy(e => e.Timestamp).ToList();
        var refused = new Dictionary<string, (Exchange First, DateTimeOffset KeptFrom)>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var exchange in exchanges.Where(e => !e.IsToken && e.Entry.TokenFingerprint is not null))
        {
            var token = exchange.Entry.TokenFingerprint!;
            if (refused.TryGetValue(token, out var known))
            {
                if (exchange.Entry.Timestamp >= known.KeptFrom && reported.Add(token))
                    yield return (known.First, exchange);
            }
            else if (exchange.Status == 401)
            {
                var at = RuleHelpers.FirstPast(fetches, f => f.Timestamp > exchange.Entry.Timestamp);
                var next = at >= 0 ? fetches[at] : exchange.Entry;
                refused[token] = (exchange, next.Timestamp + TimeSpan.FromMilliseconds(next.DurationMs));
            }
        }
    }

    private static IEnumerable<(Exchange Refused, Exchange Again)> KeptInARow(List<Exchange> exchanges)
    {
        Exchange? unauthorized = null;
        foreach (var exchange in exchanges)
        {
            if (exchange.IsToken || exchange.Status != 401)
            {
                unauthorized = null;
                continue;
            }
            if (unauthorized is not null)
            {
                yield return (unauthorized, exchange);
                unauthorized = null; // one finding per run of 401s
                continue;
            }
            unauthorized = exchange;
        }
    }
}
