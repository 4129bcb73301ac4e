using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using WisCte.Certification.Rules;
using WisCte.Certification.UseCases;
using WisCte.Journal;
using WisCte.Reports;

namespace WisCte.Certification.Bundle;

/// <summary>
/// What a certification leaves for DPI: report.html (the judgement, readable), verdict.json, journal.ndjson (secrets
/// already masked by the simulator), and manifest.sha256 over every other file, checkable with <c>sha256sum -c</c>.
/// </summary>
public static class EvidenceBundle
{
    public const string Manifest = "manifest.sha256";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string SuiteVersion => SuiteIdentity.Version;

    /// <param name="journalFile">The file the journal was judged from, copied as it is; null: the entries are written.</param>
    public static IReadOnlyList<string> Write(string directory, Verdict verdict, IEnumerable<JournalEntry> journal, DateTimeOffset judgedAt, string source, string? journalFile = null)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        Directory.CreateDirectory(directory);
        var journalCopy = Path.Combine(directory, "journal.ndjson");
        if (journalFile is not null)
            File.Copy(journalFile, journalCopy, overwrite: true);
        else
            File.WriteAllLines(journalCopy, journal.Select(e => JournalFile.ToLine(e)));
        File.WriteAllText(Path.Combine(directory, "verdict.json"), JsonSerializer.Serialize(new
        {
            suiteVersion = SuiteVersion,
            suiteHash = SuiteIdentity.Hash,
            schoolYear = verdict.SchoolYear,
            judgedAt = judgedAt.ToString("O", CultureInfo.InvariantCulture),
            source,
            journalEntries = verdict.JournalEntries,
            passed = verdict.Passed,
            useCases = verdict.UseCases,
            rules = RuleCatalog.All.Select(r => new
            {
                id = r.Id, cause = r.Cause.ToString(), severity = r.Severity.ToString(), basis = r.Basis.ToString(), word = r.Word, source = r.Source, useCases = r.UseCases,
            }),
        }, Json));
        File.WriteAllText(Path.Combine(directory, "report.html"), Report(verdict, judgedAt, source));

        var files = Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>()
            .Where(f => f != Manifest).Order(StringComparer.Ordinal).ToList();
        File.WriteAllLines(Path.Combine(directory, Manifest), files.Select(f => $"{Hash(Path.Combine(directory, f))}  {f}"));
        return [.. files.Append(Manifest)];
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The judgement, readable, on the layout every page of the harness shares.</summary>
    private static string Report(Verdict verdict, DateTimeOffset judgedAt, string source)
    {
        var html = new StringBuilder();
        foreach (var useCase in verdict.UseCases)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 class=\"{(useCase.Passed ? "pass" : "fail")}\">Use case {E(useCase.Id)}: {E(useCase.Title)} — {(useCase.Passed ? "passed" : "failed")}</h2>");
            if (UseCaseCatalog.Find(useCase.Id) is { Sheet.Count: > 0 } known)
                html.Append("<details><summary>Scenario sheet</summary><ol>").AppendJoin("", known.Sheet.Select(line => $"<li>{E(line)}</li>")).Append("</ol></details>");
            html.Append("<details><summary>Rules that apply</summary><ul>")
                .AppendJoin("", RuleCatalog.For(useCase.Id).Select(r => $"<li><strong>{E(r.Id)}</strong> ({r.Cause}, {r.Severity}): {E(r.Source)}</li>"))
                .Append("</ul></details>");
            if (useCase.Findings.Count == 0)
            {
                html.Append("<p>No finding.</p>");
                continue;
            }
            html.Append(CultureInfo.InvariantCulture, $"<table><caption>Findings of use case {E(useCase.Id)}</caption><thead><tr><th scope=\"col\">rule</th><th scope=\"col\">cause</th><th scope=\"col\">severity</th><th scope=\"col\">finding</th><th scope=\"col\">journal entries</th></tr></thead><tbody>");
            foreach (var finding in useCase.Findings)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(finding.RuleId)}</td><td>{finding.Cause}</td><td class=\"{(finding.Fails ? "fail" : "skip")}\">{finding.Severity}{(finding.Waiver is { } waiver ? $"<br>{E(waiver.ToString())}" : "")}</td><td>{E(finding.Message)}</td><td>{string.Join(", ", finding.JournalEntries)}</td></tr>");
            html.Append("</tbody></table>");
        }
        html.Append("<h2>What certification checks</h2><p>Each rule names the cause to fix; its severity follows from the words of its source ")
            .Append("(DPI instructs: error; DPI advises or warns: warning; WISEdata refuses: error). verdict.json lists every rule with its source.</p>")
            .Append("<p>The requests themselves are in journal.ndjson (secrets and tokens masked); manifest.sha256 checks every file of this bundle.</p>");
        var verdictText = verdict.Passed ? "CONFORMS" : "DOES NOT CONFORM";
        return ReportPage.Render(new PageContent(
            $"WisCte certification of a SIS: {verdictText}",
            [
                ("Verdict", verdictText),
                ("School year", $"{verdict.SchoolYear - 1}-{verdict.SchoolYear % 100:00}"),
                ("Requests judged", verdict.JournalEntries.ToString("N0", CultureInfo.InvariantCulture)),
                ("Journal", source),
                ("Judged", judgedAt.ToString("u", CultureInfo.InvariantCulture)),
                ("Suite", SuiteIdentity.Summary),
            ],
            [("verdict.json", "The verdict as JSON"), ("journal.ndjson", "The journal"), (Manifest, "Checksums")],
            html.ToString()));
    }

    private static string E(string text) => Html.E(text);
}
