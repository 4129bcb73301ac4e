using System.Globalization;
using WisCte.EdFi.Model;
using WisCte.ReferenceSis.Load;
using WisCte.Scale.Benchmarks;

// Children: one measured step each, in a process of its own, printing its measurement as the last line.
if (args is ["--child", var step, .. var rest])
{
    var measured = await Measurement.TakeAsync(() => Steps.RunAsync(step, rest));
    Console.WriteLine(measured.ToJson());
    return 0;
}

int[] sizes;
bool keep, withAudit;
try
{
    (sizes, keep, withAudit) = Options.Parse(args);
}
catch (FormatException ex)
{
    await Console.Error.WriteLineAsync($"scale benchmark: {ex.Message}");
    return 2;
}

var work = Directory.CreateTempSubdirectory("wiscte-scale-");
var report = new Report(Console.Out);
report.Header(sizes);
try
{
    var year = new SchoolYear(2026);
    var sync = new DistrictSync(year, new DistrictMix());
    var perStudent = sync.Mix.RequestsPerStudent;
    var baseline = 0;
    foreach (var size in sizes)
    {
        // Verify: a journal of `size` requests from size/5 students, once each.
        var journal = Path.Combine(work.FullName, string.Create(CultureInfo.InvariantCulture, $"journal-{size}.ndjson"));
        var students = size / perStudent;
        var entries = SyncJournal.Write(journal, sync, students, passes: 1);
        await report.VerifyAsync($"{size:N0} requests, {students:N0} students", journal, entries);
        if (size == sizes[^1] && sizes.Length > 1)
            baseline = sizes[^2] / perStudent;
        if (!keep)
            File.Delete(journal);
    }
    if (baseline > 0)
    {
        // The same district as the second-largest size, synced again and again up to the largest: memory must not grow.
        var passes = sizes[^1] / sizes[^2];
        var journal = Path.Combine(work.FullName, "journal-repeated.ndjson");
        var entries = SyncJournal.Write(journal, sync, baseline, passes);
        await report.VerifyAsync($"{entries:N0} requests, the {baseline:N0} students {passes}×", journal, entries);
        if (!keep)
            File.Delete(journal);
    }
    if (withAudit)
    {
        foreach (var size in sizes)
            await report.AuditAsync(size, work.FullName);
    }
    report.Footer();
    return report.Failed ? 1 : 0;
}
catch (InvalidOperationException ex)
{
    await Console.Error.WriteLineAsync($"scale benchmark: {ex.Message}");
    return 1;
}
finally
{
    if (keep)
        Console.WriteLine($"work folder kept: {work.FullName}");
    else
        work.Delete(recursive: true);
}
