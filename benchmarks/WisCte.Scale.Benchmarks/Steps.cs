using System.Text.Json;
using WisCte.Cli.Commands;
using WisCte.EdFi;
using WisCte.EdFi.Model;

namespace WisCte.Scale.Benchmarks;

/// <summary>The measured steps, each run in a child process: the real commands, and the floor they are held against.</summary>
internal static class Steps
{
    public static Task<int> RunAsync(string step, string[] arguments) => (step, arguments) switch
    {
        ("verify", [var journal, var outDirectory]) => VerifyCommand.Create(TextWriter.Null, Console.Error)
            .Parse(["--journal", journal, "--use-case", "1.0", "--out", outDirectory]).InvokeAsync(),
        ("audit", [var baseUrl, var secret]) => AuditCommand.RunAsync(
            new EdFiTarget(new Uri(baseUrl), Audit.ClientId, secret, new SchoolYear(2026)), Audit.Lea, null, TextWriter.Null, Console.Error),
        ("floor", [var file]) => Task.FromResult(ParseEveryLine(file)),
        _ => throw new ArgumentException($"Unknown child step '{step}' with {arguments.Length} arguments.", nameof(step)),
    };

    /// <summary>
    /// The floor: System.Text.Json parsing each line of the file (a journal entry, or a page of records) into a
    /// JsonDocument, read in 4 MB blocks. Nothing a judge does can read those bytes for less.
    /// </summary>
    private static int ParseEveryLine(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 22);
        var buffer = new byte[1 << 22];
        var (filled, lines) = (0, 0L);
        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var start = 0;
            for (int end; (end = Array.IndexOf(buffer, (byte)'\n', start, filled - start)) >= 0; start = end + 1)
            {
                using var document = JsonDocument.Parse(buffer.AsMemory(start, end - start));
                lines++;
            }
            Array.Copy(buffer, start, buffer, 0, filled - start);
            filled -= start;
            if (read == 0)
                break;
            if (filled == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the block
        }
        return lines > 0 ? 0 : 1;
    }
}
