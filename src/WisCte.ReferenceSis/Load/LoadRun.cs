using System.Diagnostics;
using WisCte.EdFi;

namespace WisCte.ReferenceSis.Load;

/// <summary>
/// What a load run sent, counted on the wire: every attempt (a retry is its own request), as the endpoint's journal
/// counts them. Statuses by code; 0 is an attempt that got no answer (dropped, timed out).
/// </summary>
public sealed record LoadSummary(
    int Students, long Requests, long TokenRequests, IReadOnlyDictionary<int, long> Statuses, TimeSpan Elapsed, double P50Ms, double P95Ms, long Refused)
{
    public double PerSecond => Elapsed.TotalSeconds > 0 ? (Requests + TokenRequests) / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Plays a <see cref="DistrictSync"/> against an endpoint with parallel workers, each an Ed-Fi client of its own (its own
/// token, reused; back-off on 429/503), each taking the next student and sending that student's requests in order.
/// <see cref="LoadSummary.Refused"/> counts the records whose last attempt was not accepted.
/// </summary>
public sealed class LoadRun(EdFiTarget target, DistrictSync sync, EdFiClientOptions? options = null)
{
    public async Task<LoadSummary> RunAsync(int students, int workers, IProgress<long>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(students, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var wire = new WireCounts(progress);
        var (next, sent, refused) = (-1, 0, 0L);
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            using var client = new EdFiClient(target, wire, options);
            for (var student = Interlocked.Increment(ref next); student < students && !cancellation.IsCancellationRequested; student = Interlocked.Increment(ref next))
            {
                foreach (var request in sync.For(student))
                {
                    // Not cancelled midway: a student once begun is sent whole, so a stopped run leaves no child without its parent.
                    if ((await client.PostAsync(request.Resource, request.Body, CancellationToken.None).ConfigureAwait(false)).Status is < 200 or >= 300)
                        Interlocked.Increment(ref refused);
                }
                Interlocked.Increment(ref sent);
            }
        }, CancellationToken.None))).ConfigureAwait(false);
        stopwatch.Stop();
        return wire.Summary(sent, stopwatch.Elapsed, refused);
    }

    /// <summary>Every attempt the clients make, token requests apart; latencies kept as floats (4 bytes a request).</summary>
    private sealed class WireCounts(IProgress<long>? progress) : IExchangeRecorder
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<int, long> _statuses = [];
        private readonly List<float> _latencies = [];
        private long _tokens;

        public void Record(HttpExchange exchange)
        {
            if (exchange.Url.EndsWith("/oauth/token", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _tokens);
                return;
            }
            long count;
            lock (_lock)
            {
                _statuses[exchange.Status ?? 0] = _statuses.GetValueOrDefault(exchange.Status ?? 0) + 1;
                _latencies.Add((float)exchange.Duration.TotalMilliseconds);
                count = _latencies.Count;
            }
            progress?.Report(count);
        }

        public LoadSummary Summary(int students, TimeSpan elapsed, long refused)
        {
            lock (_lock)
            {
                _latencies.Sort();
                return new LoadSummary(students, _latencies.Count, _tokens, new SortedDictionary<int, long>(_statuses), elapsed, Percentile(0.50), Percentile(0.95), refused);
            }
        }

        private double Percentile(double p) => _latencies.Count == 0 ? 0 : _latencies[(int)Math.Min(_latencies.Count - 1, Math.Ceiling(p * _latencies.Count) - 1)];
    }
}
