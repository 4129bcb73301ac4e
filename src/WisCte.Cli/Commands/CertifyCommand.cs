using WisCte.Dpi.Waivers;
using System.CommandLine;
using System.Globalization;
using WisCte.Certification;
using WisCte.Certification.Rules;
using WisCte.Certification.UseCases;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Hosting;

namespace WisCte.Cli.Commands;

/// <summary>
/// <c>wiscte certify</c>: starts the simulator for a vendor's SIS, prints the scenario sheet and where to connect,
/// waits until the operator confirms or the expected traffic has arrived and stayed quiet, then judges the journal and
/// writes the evidence bundle. Exit 0 only when the SIS conforms.
/// </summary>
public static class CertifyCommand
{
    /// <summary>The SIS resources a drill injects faults into.</summary>
    private static readonly string[] SisResources =
        ["students", "studentSchoolAssociations", "studentSectionAssociations", "studentCTEProgramAssociations", "grades", "studentSchoolAttendanceEvents"];

    public static Command Create(TextWriter output, TextWriter error, TextReader input)
    {
        var useCases = new Option<string[]>("--use-case") { Description = "A use case to certify (repeatable), e.g. 1.0." };
        var all = new Option<bool>("--all") { Description = "Certify every use case certification judges." };
        var schoolYear = new Option<int>("--school-year") { Description = "School year served at /data/v3 (2026 = 2025-26).", DefaultValueFactory = _ => 2026 };
        var port = new Option<int>("--port") { Description = "Loopback port; 0 picks a free one.", DefaultValueFactory = _ => 0 };
        var outDirectory = new Option<string>("--out") { Description = "Folder for the evidence bundle.", Required = true };
        var clientId = new Option<string>("--client-id") { Description = "The key to configure in the SIS.", DefaultValueFactory = _ => "vendor-sis" };
        var clientSecret = new Option<string?>("--client-secret") { Description = "Its secret; generated and printed when omitted." };
        var settle = new Option<int>("--settle") { Description = "Seconds of quiet after the expected traffic before judging.", DefaultValueFactory = _ => 30 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait at most before judging what arrived.", DefaultValueFactory = _ => 3600 };
        var proxyTo = new Option<string?>("--proxy-to") { Description = "Proxy mode: forward every request to this real WISEdata base URL and judge the recording (the SIS keeps its own WISEdata credentials)." };
        var drills = new Option<string[]>("--drill") { Description = "Fault drills: 503-first-posts (503 on the first two POSTs to each resource), token-expiry (the token expires after the fifth data request), drop-connection (the first POST's connection is dropped)." };

        var waivers = new Option<string?>("--waivers") { Description = SharedOptions.WaiversDescription };
        var command = new Command("certify", "Certify a SIS: it talks to the simulator; its traffic is judged against DPI's use cases and the behaviour rules.")
        {
            useCases, all, schoolYear, port, outDirectory, clientId, clientSecret, settle, timeout, drills, proxyTo, waivers,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            IReadOnlyList<CertificationUseCase> chosen;
            SimulatorOptions options;
            string secret;
            HashSet<string> drillSet;
            WaiverFile accepted;
            try
            {
                accepted = SharedOptions.Waivers(parse.GetValue(waivers));
                (chosen, options, secret, drillSet) = Settings(
                    parse.GetValue(useCases) ?? [], parse.GetValue(all), parse.GetValue(schoolYear), parse.GetValue(port),
                    parse.GetValue(clientId)!, parse.GetValue(clientSecret), parse.GetValue(drills) ?? [], parse.GetValue(proxyTo));
            }
            catch (SettingsException ex)
            {
                await error.WriteLineAsync($"wiscte certify: {ex.Message}");
                return 2;
            }

            using var simulator = WisedataSimulator.Start(options);
            await PrintSheetAsync(output, simulator, chosen, options, parse.GetValue(clientSecret) is null ? secret : null, drillSet);
            var session = new CertificationSession(
                new CertificationEndpoint(() => simulator.Journal.Count, () => simulator.Journal.Query()),
                chosen, options.DefaultSchoolYear, TimeSpan.FromSeconds(parse.GetValue(settle)), TimeSpan.FromSeconds(parse.GetValue(timeout)), TimeProvider.System);
            await session.WaitAsync(ConfirmationAsync(input), output.WriteLineAsync, cancellation);
            var journal = simulator.Journal.Query();
            var verdict = Judge.Waive(Judge.Run(journal, chosen, options.DefaultSchoolYear), accepted);
            return await CertificationOutput.FinishAsync(verdict, journal, parse.GetValue(outDirectory)!, $"certification at {simulator.BaseUrl}", output);
        });
        return command;
    }

    private static (IReadOnlyList<CertificationUseCase>, SimulatorOptions, string, HashSet<string>) Settings(
        string[] useCaseIds, bool all, int schoolYear, int port, string clientId, string? clientSecret, string[] drills, string? proxyTo)
    {
        var chosen = CertificationOutput.UseCases(useCaseIds, all);
        if (chosen.Count == 0)
            throw new SettingsException("Name the use cases to certify with --use-case (repeatable) or --all.");
        var year = SharedOptions.SchoolYear(schoolYear);
        var drillSet = drills.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = drillSet.Except(["503-first-posts", "token-expiry", "drop-connection"], StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
            throw new SettingsException($"--drill {string.Join(", ", unknown)}: the drills are 503-first-posts, token-expiry, drop-connection.");
        SharedOptions.Port(port);
        var upstream = proxyTo is null
            ? null
            : SharedOptions.ParseBaseUrl(proxyTo) ?? throw new SettingsException($"--proxy-to '{proxyTo}' is not an absolute http(s) URL.");
        var secret = clientSecret ?? SharedOptions.NewSecret();
        var options = new SimulatorOptions
        {
            Port = port,
            DefaultSchoolYear = year,
            Clients = [new ApiClient(clientId, secret, Judge.CertifiedLea)],
            Faults = Faults(drillSet),
            // The sixth data request meets an expired token: mid-sync, after the SIS has settled into its work.
            ExpireTokensAtDataRequest = drillSet.Contains("token-expiry") ? 6 : null,
            ProxyTo = upstream,
        };
        return (chosen, options, secret, drillSet);
    }

    private static List<FaultRule> Faults(HashSet<string> drills)
    {
        var faults = new List<FaultRule>();
        if (drills.Contains("503-first-posts"))
            faults.AddRange(SisResources.Select(r => new FaultRule(r, "POST", FaultKind.ServiceUnavailable) { Count = 2 }));
        if (drills.Contains("drop-connection"))
            faults.Add(new FaultRule("*", "POST", FaultKind.DropConnection) { Count = 1 });
        return faults;
    }

    private static async Task PrintSheetAsync(TextWriter output, WisedataSimulator simulator, IReadOnlyList<CertificationUseCase> useCases,
        SimulatorOptions options, string? generatedSecret, HashSet<string> drills)
    {
        await output.WriteLineAsync($"WisCte certification — school year {options.DefaultSchoolYear}");
        await output.WriteLineAsync();
        await output.WriteLineAsync("SCENARIO SHEET: enter this in the SIS, using only fictional students");
        foreach (var useCase in useCases)
        {
            await output.WriteLineAsync($"  Use case {useCase.Id}: {useCase.Title}");
            for (var i = 0; i < useCase.Sheet.Count; i++)
                await output.WriteLineAsync($"    {i + 1}. {useCase.Sheet[i]}");
            var rules = RuleCatalog.For(useCase.Id).ToList();
            await output.WriteLineAsync($"    judged by: {string.Join(", ", rules.Where(r => r.Severity == FindingSeverity.Error).Select(r => r.Id))}");
            await output.WriteLineAsync($"    warnings:  {string.Join(", ", rules.Where(r => r.Severity == FindingSeverity.Warning).Select(r => r.Id).DefaultIfEmpty("none"))}");
        }
        await output.WriteLineAsync("  (every rule's source and severity: verdict.json in the evidence bundle, or src/WisCte.Certification/README.md)");
        await output.WriteLineAsync();
        await output.WriteLineAsync("CONFIGURE THE SIS'S WISEDATA CONNECTION");
        await output.WriteLineAsync($"  base URL:   {simulator.BaseUrl}");
        await output.WriteLineAsync($"  token URL:  {simulator.TokenUrl}");
        await output.WriteLineAsync($"  data URL:   {simulator.BaseUrl}/data/v3/ed-fi/");
        if (options.ProxyTo is { } upstream)
        {
            await output.WriteLineAsync($"  proxy to:   {upstream} (every request is forwarded there and recorded)");
            await output.WriteLineAsync("  credentials: the SIS's own WISEdata key and secret");
        }
        else
        {
            await output.WriteLineAsync($"  client id:  {options.Clients[0].ClientId} (LEA {options.Clients[0].LocalEducationAgencyId})");
            if (generatedSecret is not null)
                await output.WriteLineAsync($"  secret:     {generatedSecret}   (generated for this run)");
        }
        if (drills.Count > 0)
            await output.WriteLineAsync($"  drills:     {string.Join(", ", drills)} (the SIS must cope: retry with back-off, renew its token)");
        await output.WriteLineAsync();
        await output.WriteLineAsync("Then let the SIS send its data. Press Enter when done, or wait: the run is judged once the expected traffic has arrived and stayed quiet.");
        await output.FlushAsync();
    }

    /// <summary>True when the operator presses Enter; false when there is no operator (input closed).</summary>
    private static async Task<bool> ConfirmationAsync(TextReader input)
    {
        try
        {
            return await input.ReadLineAsync() is not null;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
