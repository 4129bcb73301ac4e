using System.Diagnostics;

namespace WisCte.Suite.Benchmarks;

/// <summary>What a child <c>dotnet</c> process did: its exit code, its output (stdout then stderr) and its wall time.</summary>
internal sealed record ChildResult(int ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// The suite (tests/WisCte.Specs) as child processes: <c>dotnet build -c Release</c>, then <c>dotnet test --no-build</c>
/// against the embedded simulator, its journal, TRX and living-doc report written to a work folder.
/// </summary>
internal static class SuiteRun
{
    public const string ProjectPath = "tests/WisCte.Specs/WisCte.Specs.csproj";

    /// <summary>Settings that would point the suite at a real endpoint (see tests/WisCte.Specs/Support/TargetSettings.cs); removed for the child.</summary>
    private static readonly string[] TargetVariables = ["WISCTE_BASE_URL", "WISCTE_CLIENT_ID", "WISCTE_CLIENT_SECRET", "WISCTE_SCHOOL_YEAR", "WISCTE_RUN_L2"];

    public static Task<ChildResult> BuildAsync(string repository) =>
        RunDotnetAsync(repository, ["build", Path.Combine(repository, ProjectPath), "-c", "Release"], new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>
    /// Runs every scenario that talks to the suite's simulator (the @certification ones start simulators of their own,
    /// whose requests are not in this journal, so they are left out); the journal goes to <c>journal.ndjson</c>, the TRX
    /// to <c>suite.trx</c> in <paramref name="work"/>.
    /// </summary>
    public static Task<ChildResult> TestAsync(string repository, string work) =>
        RunDotnetAsync(
            repository,
            [
                "test", Path.Combine(repository, ProjectPath), "-c", "Release", "--no-build",
                "--logger", $"trx;LogFileName={TrxPath(work)}", "--results-directory", work,
                "--filter", "TestCategory!=certification",
            ],
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["WISCTE_SUITE_JOURNAL"] = JournalPath(work),
                ["WISCTE_LIVING_DOC_DIR"] = Path.Combine(work, "living-doc"),
                ["REQNROLL_TELEMETRY_ENABLED"] = "0",
            });

    public static string TrxPath(string work) => Path.Combine(work, "suite.trx");

    public static string JournalPath(string work) => Path.Combine(work, "journal.ndjson");

    private static async Task<ChildResult> RunDotnetAsync(string repository, IReadOnlyList<string> arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in TargetVariables)
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        stopwatch.Stop();
        var output = await stdout + await stderr;
        return new ChildResult(process.ExitCode, output, stopwatch.Elapsed);
    }
}
