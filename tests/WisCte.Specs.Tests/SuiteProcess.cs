using System.Diagnostics;
using System.Reflection;
using System.Xml.Linq;
using WisCte.Reqnroll.NUnit.Reporting;

namespace WisCte.Specs.Tests;

/// <summary>The suite run as a user runs it: `dotnet test` of the built WisCte.Specs in a child process, pointed by environment at a target, its TRX read back.</summary>
internal static class SuiteProcess
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private static string SpecsAssembly => typeof(SuiteProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SpecsAssembly").Value!;

    /// <summary>artifacts/test-results/<paramref name="name"/>, emptied.</summary>
    public static string FreshDirectory(string name)
    {
        var directory = Path.Combine(LivingDocOptions.FindRepositoryRoot(AppContext.BaseDirectory)!, "artifacts", "test-results", name);
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Runs the suite (the scenarios <paramref name="filter"/> selects, or all) with its TRX at directory/run.trx and its living documentation in directory/living-doc.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, IReadOnlyDictionary<string, string> environment, string? filter = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["test", SpecsAssembly, .. filter is null ? [] : new[] { "--filter", filter }, "--logger", "trx;LogFileName=" + TrxPath(directory)])
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.Environment[LivingDocOptions.DirectoryVariable] = Path.Combine(directory, "living-doc");
        start.Environment["REQNROLL_TELEMETRY_ENABLED"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        return (process.ExitCode, await output + await error);
    }

    public static string TrxPath(string directory) => Path.Combine(directory, "run.trx");

    /// <summary>Each scenario's name, outcome and message, from the run's TRX.</summary>
    public static IReadOnlyList<(string Name, string Outcome, string Message)> Results(string directory) =>
        [.. XDocument.Load(TrxPath(directory)).Descendants(Trx + "UnitTestResult")
            .Select(r => ((string)r.Attribute("testName")!, (string)r.Attribute("outcome")!, (string?)r.Descendants(Trx + "Message").FirstOrDefault() ?? ""))];
}
