using System.Reflection;
using Reqnroll;
using WisCte.Reqnroll.NUnit.Reporting;

namespace WisCte.Reqnroll.NUnit.Execution;

/// <summary>
/// Start and end of a Reqnroll test run, called from the test assembly's <c>[SetUpFixture]</c> (which must sit in the
/// global namespace so that it encloses every feature fixture). The end of the run is what flushes the report files.
/// </summary>
public static class ReqnrollTestRun
{
    public static async Task StartAsync(Assembly testAssembly)
    {
        // Reqnroll's telemetry call costs up to 2 s per run on a machine without internet.
        if (Environment.GetEnvironmentVariable("REQNROLL_TELEMETRY_ENABLED") is null)
            Environment.SetEnvironmentVariable("REQNROLL_TELEMETRY_ENABLED", "0");

        var options = LivingDocOptions.Resolve();
        Directory.CreateDirectory(options.OutputDirectory);
        if (Directory.Exists(options.AttachmentsDirectory))
            Directory.Delete(options.AttachmentsDirectory, recursive: true);

        // The report lives under the repository root, which only run time knows; an explicit setting wins.
        SetIfUnset("REQNROLL_FORMATTERS_html", $"outputFilePath={options.HtmlReport}");
        SetIfUnset("REQNROLL_FORMATTERS_message", $"outputFilePath={options.MessagesFile}");

        await TestRunnerManager.OnTestRunStartAsync(testAssembly).ConfigureAwait(false);
    }

    /// <summary>Ends the run (the formatters write the report), then writes the assembly's companion pages beside it.</summary>
    public static async Task EndAsync(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        await TestRunnerManager.OnTestRunEndAsync(testAssembly).ConfigureAwait(false);
        var companions = testAssembly.GetCustomAttributes<ReportCompanionAttribute>().ToList();
        var options = LivingDocOptions.Resolve();
        if (companions.Count == 0 || !File.Exists(options.MessagesFile))
            return;
        var report = CucumberReport.Load(options.MessagesFile);
        foreach (var companion in companions)
        {
            var page = Activator.CreateInstance(companion.Companion) as IReportCompanion
                       ?? throw new InvalidOperationException($"{companion.Companion} named by [ReportCompanion] is not an {nameof(IReportCompanion)}.");
            page.Write(options, report);
        }
    }

    private static void SetIfUnset(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is null)
            Environment.SetEnvironmentVariable(name, value);
    }
}
