using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace WisCte.TestSupport;

// Linked into each test project that runs wiscte as a child process (see tests/Shared/README.md); the test
// project names the built wiscte.dll in an AssemblyMetadata attribute "WiscteAssembly".

/// <summary>The built <c>wiscte.dll</c>, run as a user runs it: a child process of <c>dotnet</c>.</summary>
public static partial class WiscteProcess
{
    public static string Assembly => typeof(WiscteProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "WiscteAssembly").Value!;

    /// <summary>Starts wiscte with stdout, stderr and stdin redirected; <paramref name="environment"/> sets (or, with null, removes) variables.</summary>
    public static Process Start(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
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
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        WaitAsync(Start(environment, arguments));

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) => RunAsync(null, arguments);

    /// <summary>Runs any program to the end, e.g. <c>sha256sum -c</c> in a bundle folder.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunProgramAsync(string file, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return WaitAsync(Process.Start(start)!);
    }

    private static async Task<(int ExitCode, string Output, string Error)> WaitAsync(Process started)
    {
        using var process = started;
        if (process.StartInfo.RedirectStandardInput)
            process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex(@"base URL:\s+(?<url>http://\S+)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex BaseUrlLine();
}

/// <summary>
/// A wiscte command that listens (<c>serve</c>, <c>certify</c>): started, and ready once it has printed its base URL.
/// Everything it prints is kept for the test's assertions and failure messages.
/// </summary>
public sealed class ListeningWiscte : IDisposable
{
    private readonly StringBuilder _output;

    private ListeningWiscte(Process process, string baseUrl, StringBuilder output)
    {
        Process = process;
        BaseUrl = baseUrl;
        _output = output;
    }

    public Process Process { get; }

    public string BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static async Task<ListeningWiscte> StartAsync(params string[] arguments)
    {
        var process = WiscteProcess.Start(arguments);
        var output = new StringBuilder();
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
                output.AppendLine(e.Data);
            if (e.Data is { } line && WiscteProcess.BaseUrlLine().Match(line) is { Success: true } match)
                ready.TrySetResult(match.Groups["url"].Value);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
                output.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close(); // no operator at the keyboard: certify settles by itself

        if (await Task.WhenAny(ready.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(60)) != ready.Task)
        {
            lock (output)
                throw new InvalidOperationException($"wiscte {string.Join(' ', arguments)} exited ({process.ExitCode}) before it listened:\n{output}");
        }
        return new ListeningWiscte(process, await ready.Task, output);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await Process.WaitForExitAsync().WaitAsync(timeout);
        return Process.ExitCode;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
            Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}
