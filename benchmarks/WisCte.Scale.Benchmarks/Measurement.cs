using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace WisCte.Scale.Benchmarks;

/// <summary>What one measured step cost, in its own process: wall time, peak managed heap (sampled every 5 ms) and peak resident set (the kernel's VmHWM).</summary>
internal sealed record Measurement(double Seconds, long PeakManagedBytes, long PeakResidentBytes, int ExitCode)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static Measurement FromJson(string line) => JsonSerializer.Deserialize<Measurement>(line) ?? throw new InvalidDataException("An empty measurement.");

    /// <summary>Runs <paramref name="step"/> in this process, measuring it; the child's side of <see cref="InChildAsync"/>.</summary>
    public static async Task<Measurement> TakeAsync(Func<Task<int>> step)
    {
        var peak = 0L;
        using var sampler = new Timer(_ => InterlockedMax(ref peak, GC.GetTotalMemory(false)), null, 0, 5);
        var stopwatch = Stopwatch.StartNew();
        var exitCode = await step();
        stopwatch.Stop();
        InterlockedMax(ref peak, GC.GetTotalMemory(false));
        return new Measurement(stopwatch.Elapsed.TotalSeconds, Interlocked.Read(ref peak), PeakResident(), exitCode);
    }

    /// <summary>Runs this program again as a child with the given arguments, and reads the measurement it prints last.</summary>
    public static async Task<Measurement> InChildAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Run as `dotnet X.dll` the child needs the assembly named; run by its own executable (`dotnet run`), not.
        var underDotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet";
        foreach (var argument in underDotnet ? [typeof(Measurement).Assembly.Location, .. arguments] : arguments)
            start.ArgumentList.Add(argument);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the measuring child process.");
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        var last = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        if (child.ExitCode != 0 || last is null)
            throw new InvalidOperationException($"The child `{string.Join(' ', arguments)}` failed (exit {child.ExitCode}):\n{await output}\n{await error}");
        return FromJson(last);
    }

    private static long PeakResident()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
                return;
            current = seen;
        }
    }
}
