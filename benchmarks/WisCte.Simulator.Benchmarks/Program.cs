using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;

namespace WisCte.Simulator.Benchmarks;

/// <summary>
/// Runs the configurations and prints the table: the simulator on WireMock and the same store behind bare Kestrel,
/// each with one client and with several, then the memory the journal costs. See README.md.
/// </summary>
internal static class Program
{
    private const int WarmUpPairs = 500;
    private const long LeaId = 48856;
    private const string Usage = "usage: WisCte.Simulator.Benchmarks [--requests N] [--clients C] [--memory-requests M]";

    private sealed record Settings(int Pairs, int Clients, int MemoryRequests);

    private sealed record Row(string Host, int Clients, int Requests, TimeSpan Elapsed)
    {
        public double PerSecond => Requests / Elapsed.TotalSeconds;
    }

    public static async Task<int> Main(string[] args)
    {
        if (Parse(args) is not { } settings)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        try
        {
            await RunAsync(settings);
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync("benchmark failed: " + ex.Message);
            return 1;
        }
    }

    private static async Task RunAsync(Settings settings)
    {
#if DEBUG
        const string build = "Debug";
#else
        const string build = "Release";
#endif
        Print($"WisCte simulator benchmark  ({settings.Pairs} upsert+get pairs per run, {settings.Clients} clients, {build}, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores)");
        var options = new SimulatorOptions
        {
            Clients = [.. Enumerable.Range(1, settings.Clients).Select(i => new ApiClient($"bench-{i}", $"bench-secret-{i}", LeaId))],
        };
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Clients, UseProxy = false, UseCookies = false };
        using var http = new HttpClient(handler);

        // Memory first, while the process holds nothing else: its working set is then not the throughput runs' high-water mark.
        var memory = await MeasureMemoryAsync(http, options, settings);

        Print($"{"host",-25}{"clients",-10}{"requests",-11}{"seconds",-10}req/s");
        var rows = new List<Row>();
        using (var wireMock = WisedataSimulator.Start(options))
        using (var unhosted = WisedataSimulator.CreateUnhosted(options))
        {
            await using var kestrel = await BareKestrelHost.StartAsync(unhosted);
            foreach (var clients in new[] { 1, settings.Clients }.Distinct())
            {
                rows.Add(PrintRow(await MeasureAsync(http, "WireMock simulator", wireMock.BaseUrl, options.Clients, clients, settings.Pairs)));
                rows.Add(PrintRow(await MeasureAsync(http, "bare Kestrel, same store", kestrel.BaseUrl, options.Clients, clients, settings.Pairs)));
            }
        }

        double Ratio(int clients) =>
            rows.Single(r => r.Clients == clients && r.Host.StartsWith("bare", StringComparison.Ordinal)).PerSecond
            / rows.Single(r => r.Clients == clients && r.Host.StartsWith("WireMock", StringComparison.Ordinal)).PerSecond;
        Print($"ratio Kestrel/WireMock: sequential {Ratio(1):F1}x, {settings.Clients} clients {Ratio(settings.Clients):F1}x");
        Print(memory);
    }

    /// <summary>One timed run: a token per client, a warm-up, then the pairs shared out among the clients.</summary>
    private static async Task<Row> MeasureAsync(HttpClient http, string host, string baseUrl, IReadOnlyList<ApiClient> apiClients, int clients, int pairs)
    {
        var workloads = await StartWorkloadsAsync(http, baseUrl, apiClients, clients);
        await workloads[0].EnrolStudentsAsync();
        await RunAsync(workloads, WarmUpPairs);
        var stopwatch = Stopwatch.StartNew();
        await RunAsync(workloads, pairs);
        stopwatch.Stop();
        return new Row(host, clients, 2 * pairs, stopwatch.Elapsed);
    }

    /// <summary>A fresh WireMock simulator journaling to a temp file; M requests from all clients; then heap, working set and journal.</summary>
    private static async Task<string> MeasureMemoryAsync(HttpClient http, SimulatorOptions options, Settings settings)
    {
        var journalPath = Path.Combine(Path.GetTempPath(), $"wiscte-benchmark-{Guid.NewGuid():N}.ndjson");
        try
        {
            using var simulator = WisedataSimulator.Start(options with { JournalPath = journalPath });
            var workloads = await StartWorkloadsAsync(http, simulator.BaseUrl, options.Clients, settings.Clients);
            await workloads[0].EnrolStudentsAsync();
            var pairs = settings.MemoryRequests / 2;
            await RunAsync(workloads, pairs);
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            return $"memory after {2 * pairs} requests, journal on: managed heap {Megabytes(heap)} MB, working set {Megabytes(Environment.WorkingSet)} MB, "
                + $"journal {Megabytes(new FileInfo(journalPath).Length)} MB ({simulator.Journal.Count} entries, token requests included)";
        }
        finally
        {
            File.Delete(journalPath);
        }
    }

    private static async Task<Workload[]> StartWorkloadsAsync(HttpClient http, string baseUrl, IReadOnlyList<ApiClient> apiClients, int clients) =>
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Workload.StartAsync(http, baseUrl, apiClients[i], i * Workload.DistinctStudents / clients)));

    /// <summary>Runs <paramref name="pairs"/> pairs in all, shared out as evenly as they go, the clients concurrently.</summary>
    private static Task RunAsync(Workload[] workloads, int pairs) =>
        Task.WhenAll(workloads.Select((w, i) => w.RunAsync((pairs / workloads.Length) + (i < pairs % workloads.Length ? 1 : 0))));

    private static Settings? Parse(string[] args)
    {
        var settings = new Settings(Pairs: 20_000, Clients: 8, MemoryRequests: 100_000);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
                return null;
            settings = args[i] switch
            {
                "--requests" => settings with { Pairs = value },
                "--clients" => settings with { Clients = value },
                "--memory-requests" when value >= 2 => settings with { MemoryRequests = value },
                _ => null,
            };
            if (settings is null)
                return null;
        }
        return settings;
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture);

    private static Row PrintRow(Row row)
    {
        Print($"{row.Host,-25}{row.Clients,-10}{row.Requests,-11}{row.Elapsed.TotalSeconds,-10:F1}{row.PerSecond:F0}");
        return row;
    }

    private static void Print(FormattableString line) => Console.WriteLine(FormattableString.Invariant(line));

    private static void Print(string line) => Console.WriteLine(line);
}
