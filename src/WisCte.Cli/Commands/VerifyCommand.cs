using WisCte.Dpi.Waivers;
using WisCte.EdFi.Model;
using System.CommandLine;
using WisCte.Certification;
using WisCte.Dpi;
using WisCte.Journal;

namespace WisCte.Cli.Commands;

/// <summary><c>wiscte verify</c>: judges a recorded journal offline and writes the evidence bundle. Exit 0 only when it conforms.</summary>
public static class VerifyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var journal = new Option<string>("--journal") { Description = "The NDJSON journal to judge (from `wiscte serve --journal` or a certification bundle).", Required = true };
        var useCases = new Option<string[]>("--use-case") { Description = "A use case the SIS claims (repeatable), e.g. 1.0; none: judge the wire behaviour only." };
        var all = new Option<bool>("--all") { Description = "The SIS claims every use case certification judges." };
        var schoolYear = new Option<int>("--school-year") { Description = "The year served at /data/v3 when the journal was recorded.", DefaultValueFactory = _ => 2026 };
        var outDirectory = new Option<string>("--out") { Description = "Folder for the evidence bundle.", Required = true };
        var waivers = new Option<string?>("--waivers") { Description = SharedOptions.WaiversDescription };

        var command = new Command("verify", "Judge a recorded journal against DPI's use cases and the behaviour rules; write the evidence bundle.")
        {
            journal, useCases, all, schoolYear, outDirectory, waivers,
        };
        command.SetAction(async (parse, _) =>
        {
            IEnumerable<JournalEntry> entries;
            IReadOnlyList<WisCte.Certification.UseCases.CertificationUseCase> chosen;
            SchoolYear year;
            WaiverFile accepted;
            try
            {
                accepted = SharedOptions.Waivers(parse.GetValue(waivers));
                chosen = CertificationOutput.UseCases(parse.GetValue(useCases) ?? [], parse.GetValue(all));
                year = SharedOptions.SchoolYear(parse.GetValue(schoolYear));
                entries = Read(parse.GetValue(journal)!);
            }
            catch (SettingsException ex)
            {
                await error.WriteLineAsync($"wiscte verify: {ex.Message}");
                return 2;
            }
            Verdict verdict;
            try
            {
                verdict = Judge.Waive(Judge.Run(entries, chosen, year), accepted);
            }
            catch (InvalidDataException ex)
            {
                await error.WriteLineAsync($"wiscte verify: --journal: {ex.Message} Nothing was judged.");
                return 2;
            }
            return await CertificationOutput.FinishAsync(verdict, entries, parse.GetValue(outDirectory)!, $"journal {parse.GetValue(journal)}", output, parse.GetValue(journal));
        });
        return command;
    }

    /// <summary>The journal, streamed from its file: read once by the judgement and once more into the bundle, never held whole.</summary>
    private static JournalFileEntries Read(string path) =>
        File.Exists(path) ? JournalFile.Read(path) : throw new SettingsException($"--journal: there is no journal at {path}.");
}
