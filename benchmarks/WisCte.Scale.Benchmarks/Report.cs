using System.Diagnostics;
using System.Globalization;

namespace WisCte.Scale.Benchmarks;

/// <summary>The printed table and the issue's targets, checked against what was measured in this run.</summary>
internal sealed class Report(TextWriter output)
{
    private const double MiB = 1024 * 1024;
    private readonly List<Row> _verify = [];
    private readonly List<Row> _audit = [];

    public bool Failed { get; private set; }

    public void Header(int[] sizes)
    {
        Line($"WisCte scale benchmark  (Release: {IsRelease()}, .NET {Environment.Version}, {Environment.ProcessorCount} cores; sizes {string.Join(", ", sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))})");
        Line($"{"step",-8} {"work",-44} {"time",9} {"floor",8} {"ratio",7} {"managed",10} {"resident",10}");
    }

    public async Task VerifyAsync(string work, string journal, long entries)
    {
        var bytes = new FileInfo(journal).Length;
        var floor = await Measurement.InChildAsync("--child", "floor", journal);
        var outDirectory = journal + ".bundle";
        var verify = await Measurement.InChildAsync("--child", "verify", journal, outDirectory);
        Directory.Delete(outDirectory, recursive: true);
        Add(_verify, new Row("verify", $"{work} ({bytes / MiB:N0} MiB)", entries, verify, floor));
    }

    public async Task AuditAsync(int records, string workFolder)
    {
        var seeding = Stopwatch.StartNew();
        using var audit = await Audit.SeedAsync(records);
        seeding.Stop();
        var pages = Path.Combine(workFolder, string.Create(CultureInfo.InvariantCulture, $"pages-{records}.ndjson"));
        var bytes = await audit.WritePagesAsync(pages);
        var floor = await Measurement.InChildAsync("--child", "floor", pages);
        var measured = await Measurement.InChildAsync("--child", "audit", audit.BaseUrl, audit.Secret);
        File.Delete(pages);
        Add(_audit, new Row("audit", $"{records:N0} records ({bytes / MiB:N0} MiB of pages)", records, measured, floor));
        Line($"{"",-8} (simulator seeded through its pipeline in {seeding.Elapsed.TotalSeconds:F0} s; its process now {Environment.WorkingSet / MiB:N0} MiB resident)");
    }

    public void Footer()
    {
        output.WriteLine();
        output.WriteLine("targets (issue 10):");
        Targets("verify", _verify);
        Targets("audit", _audit);
        output.WriteLine("ratio: the step's time over System.Text.Json parsing the same bytes into JsonDocuments (the floor), both in child processes of this run.");
    }

    private void Add(List<Row> rows, Row row)
    {
        rows.Add(row);
        Line($"{row.Step,-8} {row.Work,-44} {row.Measured.Seconds,7:F1} s {row.Floor.Seconds,6:F1} s {row.Ratio,6:F1}× {row.Measured.PeakManagedBytes / MiB,6:N0} MiB {row.Measured.PeakResidentBytes / MiB,6:N0} MiB");
    }

    private void Targets(string step, List<Row> rows)
    {
        if (rows.Count == 0)
            return;
        // The fresh-district rows grow in work; a repeated sync (verify's last row, when present) has the second-largest's district.
        var growing = rows.Where(r => !r.Work.Contains('×', StringComparison.Ordinal)).ToList();
        var largest = growing[^1];
        Check($"{step}: {largest.Work} within 5× its floor", largest.Ratio <= 5, $"{largest.Ratio:F1}×");
        Check($"{step}: peak resident ≤ 1 GiB at every size", rows.All(r => r.Measured.PeakResidentBytes <= 1024 * MiB), $"{rows.Max(r => r.Measured.PeakResidentBytes) / MiB:N0} MiB");
        for (var i = 1; i < growing.Count; i++)
        {
            var perTenfold = Math.Pow(growing[i].Measured.Seconds / growing[i - 1].Measured.Seconds, 1 / Math.Log10((double)growing[i].Units / growing[i - 1].Units));
            Check($"{step}: time growth per 10× work ≤ 11× ({growing[i - 1].Units:N0} → {growing[i].Units:N0})", perTenfold <= 11, $"{perTenfold:F1}×");
        }
        if (rows.FirstOrDefault(r => r.Work.Contains('×', StringComparison.Ordinal)) is { } repeated && growing.Count >= 2)
        {
            var ratio = (double)repeated.Measured.PeakResidentBytes / growing[^2].Measured.PeakResidentBytes;
            Check($"{step}: peak resident, same district {growing[^2].Units:N0} → {repeated.Units:N0} requests ≤ 1.2×", ratio <= 1.2, $"{ratio:F2}×");
        }
    }

    private void Check(string target, bool met, string measured) =>
        Line($"  {(met ? "met    " : "NOT met")} {target}: {measured}");

    private void Line(FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private static bool IsRelease() =>
#if DEBUG
        false;
#else
        true;
#endif

    private sealed record Row(string Step, string Work, long Units, Measurement Measured, Measurement Floor)
    {
        public double Ratio => Measured.Seconds / Floor.Seconds;
    }
}
