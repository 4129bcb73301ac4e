using System.Globalization;
using Spectre.Console;
using WisCte.ReferenceSis.Load;

namespace WisCte.Cli.Commands;

/// <summary>A load's progress: a live bar on a terminal; in a log (output redirected), a line at each tenth.</summary>
internal static class LoadProgress
{
    public static Task<LoadSummary> RunAsync(long expected, bool interactive, TextWriter output, Func<IProgress<long>, Task<LoadSummary>> run) =>
        interactive
            ? AnsiConsole.Progress().AutoClear(false).StartAsync(async context =>
            {
                var task = context.AddTask("requests", maxValue: expected);
                return await run(new Progress<long>(sent => task.Value = sent));
            })
            : run(new Tenths(expected, output));

    private sealed class Tenths(long expected, TextWriter output) : IProgress<long>
    {
        private long _reported;

        public void Report(long value)
        {
            var tenth = expected == 0 ? 10 : Math.Min(10, value * 10 / expected);
            var last = Interlocked.Read(ref _reported);
            if (tenth > last && Interlocked.CompareExchange(ref _reported, tenth, last) == last)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {value:N0} of {expected:N0} requests sent ({tenth * 10}%)"));
        }
    }
}
