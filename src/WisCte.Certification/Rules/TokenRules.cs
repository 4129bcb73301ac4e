using WisCte.EdFi.Model;
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

    public RuleJudge Start(JudgementContext context) => new Judge(context);

    /// <summary>Per client and school year: each token's life and the token fetches (both as many as the tokens), and the one-token-at-a-time reading for journals without fingerprints.</summary>
    private sealed class Judge(JudgementContext context) : RuleJudge(context)
    {
        private readonly Dictionary<(string Client, SchoolYear? Year), Client> _clients = [];

        public override void Observe(Exchange exchange)
        {
            if (exchange.Entry.ClientId is not { } id)
                return;
            var key = (id, exchange.Route.Year);
            if (!_clients.TryGetValue(key, out var client))
                _clients[key] = client = new Client();
            client.Observe(exchange);
        }

        protected override void Conclude()
        {
            foreach (var ((id, _), client) in _clients)
            {
                var needless = client.Needless();
                if (needless.Count > 0)
                    Report(null, RuleCatalog.TokenReuse, $"Client {id} fetched {needless.Count} new token(s) while a token it had stopped using was still valid and no 401 had come: each worker should reuse its token until it expires.", [.. needless]);
            }
        }
    }

    private sealed class Client
    {
        private readonly Dictionary<string, TokenLife> _tokens = new(StringComparer.Ordinal);
        private readonly List<(long Sequence, DateTimeOffset At)> _fetches = [];
        private readonly List<long> _newWhileValid = [];
        private DateTimeOffset? _expires;
        private bool _unauthorizedSince;
        private bool _fingerprinted;

        public void Observe(Exchange exchange)
        {
            ObserveByToken(exchange);
            ObserveInTurn(exchange);
        }

        /// <summary>Where token fetches carry fingerprints, judged per token; otherwise one token at a time.</summary>
        public List<long> Needless() => _fingerprinted ? ReplacedWhileValid() : _newWhileValid;

        private void ObserveByToken(Exchange exchange)
        {
            if (exchange.Entry.TokenFingerprint is not { } fingerprint)
                return;
            if (exchange.IsToken)
            {
                if (exchange.Status != 200)
                    return;
                _fingerprinted = true;
                _tokens[fingerprint] = new TokenLife { Fetched = exchange.Sequence, ExpiresAt = exchange.Entry.Timestamp.AddSeconds(ExpiresIn(exchange)) };
                _fetches.Add((exchange.Sequence, exchange.Entry.Timestamp));
            }
            else if (_tokens.TryGetValue(fingerprint, out var life))
            {
                life.LastUse = exchange.Sequence;
                life.Refused |= exchange.Status == 401;
            }
        }

        /// <summary>Without fingerprints a journal cannot tell workers apart: any new token while the last is valid is needless.</summary>
        private void ObserveInTurn(Exchange exchange)
        {
            if (exchange.IsToken && exchange.Status == 200)
            {
                if (_expires is { } validUntil && exchange.Entry.Timestamp < validUntil - Margin && !_unauthorizedSince)
                    _newWhileValid.Add(exchange.Sequence);
                _expires = exchange.Entry.Timestamp.AddSeconds(ExpiresIn(exchange));
                _unauthorizedSince = false;
            }
            else if (exchange.Status == 401)
            {
                _unauthorizedSince = true;
            }
        }

        /// <summary>
        /// The token fetches that replaced a good token: a sweep in journal order explains each fetch by one token
        /// dropped before it. A token refused (401) before the fetch explains it first: that worker renewed, as it must
        /// (a worker cannot be told from another by the journal, so a renewal matched with another worker's finished token
        /// would be flagged wrongly). Otherwise a token last used before the fetch, still valid and never refused, makes
        /// it needless: a worker that drops its token and fetches another. Each dropped token explains one fetch, so
        /// workers that drop and fetch together are each counted, and many workers finishing before one fetch count once.
        /// </summary>
        private List<long> ReplacedWhileValid()
        {
            var used = _tokens.Values.Where(t => t.LastUse is not null).OrderBy(t => t.LastUse).ToList();
            var stillGood = new PriorityQueue<TokenLife, DateTimeOffset>(); // dropped before the current fetch, by expiry
            var (next, refusedUnrenewed, needless) = (0, 0, new List<long>());
            foreach (var (sequence, at) in _fetches)
            {
                for (; next < used.Count && used[next].LastUse < sequence; next++)
                {
                    if (used[next].Refused)
                        refusedUnrenewed++;
                    else
                        stillGood.Enqueue(used[next], used[next].ExpiresAt);
                }
                while (stillGood.TryPeek(out _, out var expires) && expires - Margin <= at)
                    stillGood.Dequeue();
                if (refusedUnrenewed > 0)
                    refusedUnrenewed--; // a renewal after a 401
                else if (stillGood.TryDequeue(out _, out _))
                    needless.Add(sequence);
            }
            // A worker that finishes drops a good token, and another worker starting later fetches one: the journal cannot
            // tell that from a replacement. A SIS that held several tokens at once (a pool of workers) may hand over that
            // many; one that held a single token at a time has no other worker to hand over to.
            var peak = PeakInUse(_tokens.Values);
            var allowance = peak > 1 ? peak : 0;
            return [.. needless.Skip(allowance)];
        }
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

    public RuleJudge Start(JudgementContext context) => new Judge(context);

    /// <summary>
    /// Per client: its token fetches, each refused token's first 401 and the requests that still carried it after (all
    /// as many as the refusals), and the 401s in a row for journals without token names. Judged at the end, since the
    /// fetch that answers a 401 may be journaled after requests sent while it was on its way.
    /// </summary>
    private sealed class Judge(JudgementContext context) : RuleJudge(context)
    {
        private readonly Dictionary<string, Client> _clients = new(StringComparer.Ordinal);

        public override void Observe(Exchange exchange)
        {
            if (exchange.Entry.ClientId is not { } id)
                return;
            if (!_clients.TryGetValue(id, out var client))
                _clients[id] = client = new Client();
            client.Observe(exchange);
        }

        protected override void Conclude()
        {
            foreach (var (id, client) in _clients)
            {
                foreach (var (refused, again) in client.Kept())
                    Report(again.Resource, Rule, $"Client {id} sent journal {again.Sequence} with a token WISEdata had refused (401 at journal {refused.Sequence}) instead of fetching a new one.", refused.Sequence, again.Sequence);
            }
        }
    }

    private sealed record Sent(string? Resource, long Sequence, DateTimeOffset At, double DurationMs)
    {
        public static Sent Of(Exchange exchange) => new(exchange.Resource, exchange.Sequence, exchange.Entry.Timestamp, exchange.Entry.DurationMs);
    }

    private sealed class Client
    {
        private readonly List<Sent> _fetches = [];
        private readonly Dictionary<string, (Sent First, List<Sent> After)> _refused = new(StringComparer.Ordinal);
        private readonly List<(Sent Refused, Sent Again)> _inARow = [];
        private Sent? _unauthorized;
        private bool _fingerprinted;

        public void Observe(Exchange exchange)
        {
            if (exchange.IsToken && exchange.Status == 200)
                _fetches.Add(Sent.Of(exchange));
            if (!exchange.IsToken && exchange.Entry.TokenFingerprint is { } token)
            {
                _fingerprinted = true;
                if (_refused.TryGetValue(token, out var known))
                    known.After.Add(Sent.Of(exchange));
                else if (exchange.Status == 401)
                    _refused[token] = (Sent.Of(exchange), []);
            }
            // Journals without token names: two 401s of the client with no token fetch between.
            if (exchange.IsToken || exchange.Status != 401)
                _unauthorized = null;
            else if (_unauthorized is not null)
            {
                _inARow.Add((_unauthorized, Sent.Of(exchange)));
                _unauthorized = null; // one finding per run of 401s
            }
            else
                _unauthorized = Sent.Of(exchange);
        }

        /// <summary>Per refused token, the first request that still carried it once a new token was at hand (or, with none fetched, once its 401 came back).</summary>
        public IEnumerable<(Sent Refused, Sent Again)> Kept()
        {
            if (!_fingerprinted)
                return _inARow;
            var fetches = _fetches.OrderBy(f => f.At).ToList();
            var kept = new List<(Sent, Sent)>();
            foreach (var (first, after) in _refused.Values)
            {
                var at = RuleHelpers.FirstPast(fetches, f => f.At > first.At);
                var next = at >= 0 ? fetches[at] : first;
                var keptFrom = next.At + TimeSpan.FromMilliseconds(next.DurationMs);
                if (after.FirstOrDefault(a => a.At >= keptFrom) is { } again)
                    kept.Add((first, again));
            }
            return kept;
        }
    }
}
