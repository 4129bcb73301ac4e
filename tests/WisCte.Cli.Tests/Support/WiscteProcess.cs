using System.Diagnostics;
using System.Reflection;

namespace WisCte.Cli.Tests.Support;

/// <summary>The built <c>wiscte.dll</c>, run as a user runs it: a child process of <c>dotnet</c>.</summary>
public static class WiscteProcess
{
    public static string Assembly => typeof(WiscteProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "WiscteAssembly").Value!;

    /// <summary>Starts wiscte with stdout and stderr redirected; <paramref name="environment"/> sets (or, with null, removes) variables.</summary>
    public static Process Start(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>(StringComparer.Ordinal))
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        return Process.Start(start)!;
    }

    public static Process Start(params string[] arguments) => Start(null, arguments);

    /// <summary>Runs wiscte to the end: its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        using var process = Start(environment, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, await output, await error);
    }
}
