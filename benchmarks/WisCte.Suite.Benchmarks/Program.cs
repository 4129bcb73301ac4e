using System.Runtime.InteropServices;
using System.Text.Json;
using System.Xml;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;
using WisCte.Journal;

namespace WisCte.Suite.Benchmarks;

/// <summary>
/// Runs the suite once (child process), reads its TRX, replays its journal's requests with a bare HttpClient against a
/// fresh simulator, and prints scenario time against replay time. See README.md.
/// </summary>
internal static class Program
{
    private const long LeaId = 48856;
    private const string ClientId = "wiscte-reference-sis";
    private const int ListedDifferences = 5;
    private const string Usage = "usage: WisCte.Suite.Benchmarks [--keep]";

    public static async Task<int> Main(string[] args)
    {
        if (args is not ([] or ["--keep"]))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        var keep = args.Length == 1;
        if (FindRepository() is not { } repository)
        {
            await Console.Error.WriteLineAsync($"benchmark failed: no {SuiteRun.ProjectPath} above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
            return 1;
        }

        var work = Directory.CreateTempSubdirectory("wiscte-suite-benchmark-").FullName;
        try
        {
            return await RunAsync(repository, work) ? 0 : 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException or XmlException or JsonException)
        {
            await Console.Error.WriteLineAsync("benchmark failed: " + ex.Message);
            return 1;
        }
        finally
        {
            if (keep)
                Print($"kept: {work} (suite.trx, journal.ndjson, living-doc/)");
            else
                Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<bool> RunAsync(string repository, string work)
    {
#if DEBUG
        const string build = "Debug";
#else
        const string build = "Release";
#endif
        Print($"WisCte suite benchmark  ({build}, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores)");

        var built = await SuiteRun.BuildAsync(repository);
        if (!Succeeded(built, "dotnet build -c Release of the suite"))
            return false;
        Print($"suite build: {built.Elapsed.TotalSeconds:F1} s (dotnet build -c Release, not measured)");

        var tested = await SuiteRun.TestAsync(repository, work);
        if (!Succeeded(tested, "the suite (dotnet test)"))
            return false;
        Print($"dotnet test: {tested.Elapsed.TotalSeconds:F1} s wall (process start to exit, --no-build)");

        var trx = TrxSummary.Read(SuiteRun.TrxPath(work));
        if (trx.Scenarios == 0)
            throw new InvalidOperationException($"{SuiteRun.TrxPath(work)} has no scenario tests (no class name starting with \"Features.\").");
        var journalPath = SuiteRun.JournalPath(work);
        if (!File.Exists(journalPath))
            throw new InvalidOperationException($"The suite wrote no journal at {journalPath}: did it run against the embedded simulator?");

        var replay = await ReplayAsync(journalPath);
        if (replay.Replayed == 0)
            throw new InvalidOperationException($"{journalPath} has no data or validation requests to replay.");

        var ratio = trx.ScenarioTime / replay.Elapsed;
        var wall = trx.Wall is { } w ? FormattableString.Invariant($"{w.TotalSeconds:F1} s") : "not in the TRX";
        Print($"scenarios: {trx.Scenarios} passed (plus {trx.OtherTests} other tests, not counted)");
        Print($"requests replayed: {replay.Replayed} ({replay.Data} data, {replay.Validations} validations); recorded token requests skipped: {replay.RecordedTokens}; other requests skipped: {replay.Other}");
        Print($"suite: sum of scenario durations {trx.ScenarioTime.TotalSeconds:F1} s (wall {wall}, {trx.Scenarios} scenarios, parallel)");
        Print($"bare HttpClient replay: {replay.Elapsed.TotalSeconds:F1} s sequential ({replay.PerSecond:F0} req/s, its own {replay.OwnTokens} token requests included)");
        PrintDifferences(replay);
        Print($"harness cost: scenario time / replay time = {ratio:F1}x");
        Print(ratio >= 1
            ? (FormattableString)$"reading: the scenarios took {ratio:F1}x what a bare client needs for the same requests; the other {100 * (1 - (1 / ratio)):F0}% of scenario time is the harness (Reqnroll, the reference SIS, evidence, {replay.RecordedTokens} token requests) and parallel scenarios waiting for {Environment.ProcessorCount} cores"
            : (FormattableString)$"reading: the scenarios took less in all than a bare client replaying their requests one by one; the harness adds nothing measurable here");
        return true;
    }

    /// <summary>A fresh simulator (started before the clock), one client with its own secret, and the journal replayed against it.</summary>
    private static async Task<ReplayResult> ReplayAsync(string journalPath)
    {
        var journal = JournalFile.Read(journalPath).ToList();
        var client = new ApiClient(ClientId, Guid.NewGuid().ToString("N"), LeaId);
        using var simulator = WisedataSimulator.Start(new SimulatorOptions { Clients = [client] });
        using var handler = new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        return await new JournalReplay(http, simulator.BaseUrl, client).RunAsync(journal);
    }

    private static void PrintDifferences(ReplayResult replay)
    {
        if (replay.Differences.Count == 0)
        {
            Print($"status differences: none ({replay.Replayed} of {replay.Replayed} replayed requests got the recorded status)");
            return;
        }
        Print($"status differences: {replay.Differences.Count} of {replay.Replayed} replayed requests got another status than in the suite (its scenarios ran concurrently, so their requests interleave; the replay is sequential)");
        foreach (var d in replay.Differences.Take(ListedDifferences))
            Print($"  #{d.Sequence} {d.Method} {d.Path}: recorded {d.Recorded}, replayed {d.Replayed}");
        if (replay.Differences.Count > ListedDifferences)
            Print($"  … and {replay.Differences.Count - ListedDifferences} more");
    }

    private static bool Succeeded(ChildResult result, string what)
    {
        if (result.Succeeded)
            return true;
        Console.Error.WriteLine(result.Output);
        Console.Error.WriteLine($"benchmark stopped: {what} exited with {result.ExitCode} (its output is above).");
        return false;
    }

    /// <summary>The repository root: the first folder above the program (or the current folder) that holds the suite's project.</summary>
    private static string? FindRepository() =>
        new[] { AppContext.BaseDirectory, Environment.CurrentDirectory }
            .SelectMany(Ancestors)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, SuiteRun.ProjectPath)));

    private static IEnumerable<string> Ancestors(string directory)
    {
        for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
            yield return d.FullName;
    }

    private static void Print(FormattableString line) => Console.WriteLine(FormattableString.Invariant(line));
}
