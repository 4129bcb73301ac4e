using WisCte.EdFi.Model;
using WisCte.Dpi;
using WisCte.EdFi;
using WisCte.ReferenceSis.Ledger;
using WisCte.Reqnroll.NUnit.Reporting;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;

namespace WisCte.Specs.Support;

/// <summary>
/// The endpoint of this test run, made once in [BeforeTestRun]: an embedded simulator, or a real base URL. Holds the
/// run's id and ledger; at the end of the run, a real target is cleaned up from the ledger, children first.
/// </summary>
public sealed class SuiteTarget : IDisposable
{
    public const long Lea = WisCte.Dpi.Baseline.DpiBaseline.Lea;
    private const string SimulatorClient = "wiscte-reference-sis";

    private SuiteTarget(TargetSettings settings, WisedataSimulator? simulator, EdFiTarget target, RunLedger ledger)
    {
        Settings = settings;
        Simulator = simulator;
        Target = target;
        Ledger = ledger;
        SisRun = new ReferenceSis.ReferenceSisRun(target);
    }

    public TargetSettings Settings { get; }
    public WisedataSimulator? Simulator { get; }
    public EdFiTarget Target { get; }
    public RunLedger Ledger { get; }
    public bool IsSimulator => Simulator is not null;

    /// <summary>One token per school year and DPI's descriptor lists, shared by every scenario of the run.</summary>
    public ReferenceSis.ReferenceSisRun SisRun { get; }

    public static SuiteTarget Start()
    {
        var settings = TargetSettings.Resolve();
        var runId = Guid.NewGuid().ToString("N")[..8];
        var ledgerPath = Path.Combine(LivingDocOptions.Resolve().OutputDirectory, "..", "ledger", $"run-{runId}.ndjson");
        var ledger = new RunLedger(ledgerPath, runId);
        if (settings.IsSimulator)
        {
            var secret = Guid.NewGuid().ToString("N");
            // WISCTE_SUITE_JOURNAL keeps the embedded simulator's journal (the suite benchmark replays it).
            var simulator = WisedataSimulator.Start(new SimulatorOptions
            {
                Clients = [new ApiClient(SimulatorClient, secret, Lea)],
                JournalPath = Environment.GetEnvironmentVariable("WISCTE_SUITE_JOURNAL") is { Length: > 0 } journal ? journal : null,
            });
            return new SuiteTarget(settings, simulator, new EdFiTarget(new Uri(simulator.BaseUrl + "/"), SimulatorClient, secret, new SchoolYear(2026)), ledger);
        }

        // A real WISEdata year has its own base URL (DPI: "new URLs for every new school year"), so no year in the route.
        var target = new EdFiTarget(settings.BaseUrl!, settings.ClientId!, settings.ClientSecret!, settings.SchoolYear!.Value, YearInRoute: false);
        EnsureReachable(target);
        return new SuiteTarget(settings, null, target, ledger);
    }

    /// <summary>An unreachable endpoint fails the run at once, naming it, rather than every scenario one by one.</summary>
    private static void EnsureReachable(EdFiTarget target)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        try
        {
            using var response = http.GetAsync(target.BaseUrl).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            throw new InvalidOperationException($"The target {target.BaseUrl} cannot be reached: {ex.Message}", ex);
        }
    }

    /// <summary>Against a real endpoint: deletes what the ledger names, newest first. The simulator is simply stopped.</summary>
    public async Task<CleanupResult?> FinishAsync()
    {
        Ledger.Dispose();
        if (IsSimulator)
            return null;
        var clients = new Dictionary<int, EdFiClient>();
        try
        {
            return await LedgerCleanup.RunAsync(
                RunLedger.Read(Ledger.Path),
                year => clients.TryGetValue(year, out var c) ? c : clients[year] = new EdFiClient(Target.ForYear(new SchoolYear(year)), sharedTokens: SisRun.Tokens(new SchoolYear(year)))).ConfigureAwait(false);
        }
        finally
        {
            foreach (var client in clients.Values)
                client.Dispose();
        }
    }

    public void Dispose()
    {
        SisRun.Dispose();
        Ledger.Dispose();
        Simulator?.Dispose();
    }
}
