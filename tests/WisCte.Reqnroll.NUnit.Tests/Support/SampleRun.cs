using System.Reflection;
using WisCte.Reqnroll.NUnit.Reporting;

namespace WisCte.Reqnroll.NUnit.Tests.Support;

/// <summary>
/// One child `dotnet test` over the sample features (tests/WisCte.Reqnroll.NUnit.Samples), as a user would run it:
/// NUnit's verdicts from the TRX file, the report from its NDJSON and HTML, the run-level hooks from a log file.
/// </summary>
public sealed class SampleRun
{
    private SampleRun(string directory, ProcessResult process)
    {
        Directory = directory;
        Process = process;
        Results = TrxResults.Load(Path.Combine(directory, "samples.trx"));
        Report = CucumberReport.Load(Path.Combine(directory, "index.ndjson"));
        HookLog = File.Exists(HookLogPath) ? File.ReadAllLines(HookLogPath) : [];
    }

    public string Directory { get; }
    public ProcessResult Process { get; }
    public IReadOnlyList<TrxResult> Results { get; }
    public CucumberReport Report { get; }
    public IReadOnlyList<string> HookLog { get; }
    public string HtmlReport => Path.Combine(Directory, "index.html");
    private string HookLogPath => Path.Combine(Directory, "hooks.log");

    // Every fixture reads the same run; it is made once per process and never changed.
    private static readonly Lazy<Task<SampleRun>> Full = new(() => RunAsync("all", filter: null));

    public static Task<SampleRun> AllAsync() => Full.Value;

    public static async Task<SampleRun> RunAsync(string name, string? filter)
    {
        var directory = Path.Combine(ArtifactsDirectory, "adapter-samples", name);
        if (System.IO.Directory.Exists(directory))
            System.IO.Directory.Delete(directory, recursive: true);
        System.IO.Directory.CreateDirectory(directory);

        List<string> arguments = ["test", SamplesAssembly, "--logger", $"trx;LogFileName={Path.Combine(directory, "samples.trx")}"];
        if (filter is not null)
            arguments.AddRange(["--filter", filter]);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [LivingDocOptions.DirectoryVariable] = directory,
            ["WISCTE_SAMPLE_HOOK_LOG"] = Path.Combine(directory, "hooks.log"),
            ["REQNROLL_FORMATTERS_html"] = null,
            ["REQNROLL_FORMATTERS_message"] = null,
            ["REQNROLL_TELEMETRY_ENABLED"] = "0",
        };
        var process = await ProcessRunner.RunAsync("dotnet", arguments, environment, TimeSpan.FromMinutes(3));
        if (!File.Exists(Path.Combine(directory, "samples.trx")))
            throw new InvalidOperationException($"The sample run wrote no TRX file (exit code {process.ExitCode}):\n{process.Output}");
        return new SampleRun(directory, process);
    }

    public TrxResult Result(string testName) =>
        Results.SingleOrDefault(r => string.Equals(r.Name, testName, StringComparison.Ordinal))
        ?? throw new InvalidOperationException(
            $"No result named '{testName}'. Results: {string.Join(" | ", Results.Select(r => r.Name))}");

    public ReportExecution Execution(string scenarioName) =>
        Report.Executions.SingleOrDefault(e => string.Equals(e.Pickle.Name, scenarioName, StringComparison.Ordinal))
        ?? throw new InvalidOperationException(
            $"The report has no executed scenario named '{scenarioName}'. It has: {string.Join(" | ", Report.Executions.Select(e => e.Pickle.Name))}");

    public static string SamplesAssembly =>
        typeof(SampleRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => string.Equals(a.Key, "SamplesAssembly", StringComparison.Ordinal)).Value!;

    public static string ArtifactsDirectory =>
        Path.Combine(LivingDocOptions.FindRepositoryRoot(AppContext.BaseDirectory) ?? Path.GetTempPath(), "artifacts", "test-results");
}
