using WisCte.Certification;
using WisCte.Certification.Bundle;
using WisCte.Certification.UseCases;

namespace WisCte.Cli.Commands;

/// <summary>What verify and certify share: choosing use cases, printing a verdict, writing the bundle.</summary>
internal static class CertificationOutput
{
    public static IReadOnlyList<CertificationUseCase> UseCases(string[] ids, bool all)
    {
        if (all)
            return UseCaseCatalog.All;
        var chosen = new List<CertificationUseCase>();
        foreach (var id in ids)
        {
            chosen.Add(UseCaseCatalog.Find(id)
                ?? throw new SettingsException($"--use-case '{id}' is not a use case certification judges. It judges: {string.Join(", ", UseCaseCatalog.All.Select(u => u.Id))}."));
        }
        return chosen;
    }

    public static async Task<int> FinishAsync(Verdict verdict, IEnumerable<WisCte.Journal.JournalEntry> journal, string outDirectory, string source, TextWriter output, string? journalFile = null)
    {
        var files = EvidenceBundle.Write(outDirectory, verdict, journal, DateTimeOffset.UtcNow, source, journalFile);
        await output.WriteLineAsync();
        foreach (var useCase in verdict.UseCases)
        {
            await output.WriteLineAsync($"{(useCase.Passed ? "PASS" : "FAIL")}  {useCase.Id}  {useCase.Title}");
            foreach (var finding in useCase.Findings)
            {
                await output.WriteLineAsync($"      {finding.RuleId} ({finding.Cause}, {finding.Severity}): {finding.Message}{(finding.JournalEntries.Count > 0 ? $" (journal {string.Join(", ", finding.JournalEntries)})" : "")}");
                if (finding.Waiver is { } waiver)
                    await output.WriteLineAsync($"        WAIVED {waiver.Terms}");
            }
        }
        await output.WriteLineAsync();
        await output.WriteLineAsync(verdict.Passed ? "The SIS conforms." : "The SIS does not conform.");
        await output.WriteLineAsync($"Evidence bundle: {Path.GetFullPath(outDirectory)} ({string.Join(", ", files)}); check it with: cd {outDirectory} && sha256sum -c {EvidenceBundle.Manifest}");
        return verdict.Passed ? 0 : 1;
    }
}
