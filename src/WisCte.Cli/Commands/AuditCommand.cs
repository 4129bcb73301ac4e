using WisCte.EdFi.Model;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WisCte.Audit;
using WisCte.Certification;
using WisCte.Dpi.Waivers;
using WisCte.Dpi;
using WisCte.Dpi.L2;
using WisCte.EdFi;

namespace WisCte.Cli.Commands;

/// <summary>
/// <c>wiscte audit</c>: DPI's data-quality (L2) rules over what an LEA has already submitted for a school year, read
/// from an endpoint with GETs only. Exit 0: no errors (warnings are reported); 1: errors found; 2: could not audit.
/// </summary>
public static class AuditCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var baseUrl = new Option<string?>("--base-url") { Description = "The endpoint to read, e.g. https://wisedata.example/ (for the simulator: the base URL `wiscte serve` prints). Required unless --leas." };
        var lea = new Option<long?>("--lea") { Description = "The LEA whose records the key reads, e.g. 48856 (named in findings). Required unless --leas." };
        var leas = new Option<string?>("--leas") { Description = "Audit every LEA a JSON file names (see the README: each LEA's base URL and the environment variables holding its key); --json then names the results file." };
        var shard = new Option<string?>("--shard") { Description = "With --leas: audit only shard I of N (e.g. 2/3): LEA k of the file (from 0) goes to shard k mod N + 1. Join the shards' files with `wiscte audit merge`." };
        var schoolYear = new Option<int>("--school-year") { Description = "The school year to audit, by the year it ends in: 2026 = 2025-26.", Required = true };
        var clientId = new Option<string?>("--client-id") { Description = $"Client id of a key that can read the LEA's records. Default: ${SharedOptions.ClientIdVariable}." };
        var clientSecret = new Option<string?>("--client-secret") { Description = $"Its secret (never printed). Default: ${SharedOptions.ClientSecretVariable}." };
        var yearInRoute = new Option<string?>("--year-in-route") { Description = SharedOptions.YearInRouteDescription };
        var json = new Option<string?>("--json") { Description = "Also write the findings as JSON to this file." };
        var waivers = new Option<string?>("--waivers") { Description = SharedOptions.WaiversDescription + " An audit matches them by rule." };
        var html = new Option<string?>("--html") { Description = "Also write the audit as a page to this file (the findings by rule, then the first 1,000 findings)." };

        var command = new Command("audit", "Run DPI's data-quality (L2) rules over an LEA's submitted records of one school year (read only).")
        {
            baseUrl, lea, schoolYear, clientId, clientSecret, yearInRoute, json, html, waivers, leas, shard, MergeCommand(output, error),
        };
        command.SetAction(async (parse, cancellation) =>
        {
            WaiverFile accepted;
            try
            {
                accepted = SharedOptions.Waivers(parse.GetValue(waivers));
            }
            catch (SettingsException ex)
            {
                await error.WriteLineAsync($"wiscte audit: {ex.Message}");
                return 2;
            }
            if (parse.GetValue(leas) is { } leasFile)
                return await StatewideAsync(leasFile, parse.GetValue(shard), parse.GetValue(schoolYear), parse.GetValue(yearInRoute), parse.GetValue(json), output, error, environment, accepted, cancellation);
            EdFiTarget target;
            try
            {
                if (parse.GetValue(shard) is not null)
                    throw new SettingsException("--shard splits the LEAs of --leas; give --leas FILE too.");
                if (parse.GetValue(html) is { } page && string.IsNullOrWhiteSpace(page))
                    throw new SettingsException("--html needs a file name, e.g. --html audit.html.");
                if (parse.GetValue(baseUrl) is null || parse.GetValue(lea) is null)
                    throw new SettingsException("give --base-url and --lea for one LEA, or --leas FILE for several.");
                var url = SharedOptions.ParseBaseUrl(parse.GetValue(baseUrl))
                          ?? throw new SettingsException($"--base-url '{parse.GetValue(baseUrl)}' is not an absolute http(s) URL, e.g. https://wisedata.example/.");
                if (parse.GetValue(lea) <= 0)
                    throw new SettingsException($"--lea {parse.GetValue(lea)!.Value.ToString(CultureInfo.InvariantCulture)} is not an education organization id, e.g. 48856.");
                var (id, secret) = SharedOptions.Credentials(parse.GetValue(clientId), parse.GetValue(clientSecret), environment);
                target = new EdFiTarget(url, id, secret, SharedOptions.SchoolYear(parse.GetValue(schoolYear)), SharedOptions.YearInRoute(parse.GetValue(yearInRoute), url));
            }
            catch (SettingsException ex)
            {
                await error.WriteLineAsync($"wiscte audit: {ex.Message}");
                return 2;
            }
            return await RunAsync(target, parse.GetValue(lea)!.Value, parse.GetValue(json), output, error, cancellation: cancellation, htmlPath: parse.GetValue(html), waivers: accepted);
        });
        return command;
    }

    public static async Task<int> RunAsync(
        EdFiTarget target, long localEducationAgencyId, string? jsonPath, TextWriter output, TextWriter error,
        int pageSize = EndpointDataSet.MaximumPageSize, string? htmlPath = null, WaiverFile? waivers = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Auditing LEA {localEducationAgencyId}, school year {target.SchoolYear}, at {target.BaseUrl} as {target.ClientId} (read only; year in route: {(target.YearInRoute ? "yes" : "no")})."));
        var (report, problem) = await TryAuditAsync(target, localEducationAgencyId, pageSize, waivers, cancellation);
        if (report is null)
        {
            await error.WriteLineAsync($"wiscte audit: {problem}");
            return 2;
        }

        await PrintAsync(report, output);
        if (!string.IsNullOrWhiteSpace(jsonPath))
        {
            var json = report.ToJson();
            json["suiteVersion"] = SuiteIdentity.Version;
            json["suiteHash"] = SuiteIdentity.Hash;
            await WriteJsonAsync(jsonPath, json, output, cancellation);
        }
        if (!string.IsNullOrWhiteSpace(htmlPath))
            await WriteFileAsync(htmlPath, AuditPage.Render(report, DateTimeOffset.Now, SuiteIdentity.Summary), "Audit page:", output, cancellation);
        return report.Conforms ? 0 : 1;
    }

    /// <summary>One LEA's audit, or why it could not be made (nothing judged: rules over part of the data would mislead).</summary>
    private static async Task<(AuditReport? Report, string? Problem)> TryAuditAsync(EdFiTarget target, long localEducationAgencyId, int pageSize, WaiverFile? waivers, CancellationToken cancellation)
    {
        using var client = new EdFiClient(target);
        try
        {
            return (await LeaAudit.RunAsync(client, localEducationAgencyId, pageSize: pageSize, cancellation: cancellation) with { Waivers = waivers ?? WaiverFile.None }, null);
        }
        catch (EdFiAuthenticationException ex)
        {
            return (null, $"{SharedOptions.Sentence(ex.Message)} {SharedOptions.CredentialsHint} Nothing was judged.");
        }
        catch (AuditReadException ex)
        {
            return (null, $"could not read every record: {ex.Message} Nothing was judged: rules over part of the data would mislead.");
        }
        catch (Exception ex) when (SharedOptions.IsUnreachable(ex, cancellation))
        {
            return (null, $"cannot reach {target.BaseUrl}: {SharedOptions.Sentence(ex.Message)} Nothing was judged.");
        }
    }

    /// <summary>
    /// <c>--leas FILE [--shard I/N]</c>: each LEA of the shard audited in turn, each with its own key from the variables
    /// the file names; one that cannot be audited is recorded with why, and the others still are. The results go to --json.
    /// </summary>
    private static async Task<int> StatewideAsync(
        string leasFile, string? shardText, int schoolYear, string? yearInRoute, string? jsonPath, TextWriter output, TextWriter error,
        Func<string, string?> environment, WaiverFile waivers, CancellationToken cancellation)
    {
        IReadOnlyList<LeaEntry> leas;
        Shard shard;
        SchoolYear year;
        try
        {
            shard = shardText is null ? Shard.Whole : Shard.Parse(shardText) ?? throw new SettingsException($"--shard '{shardText}' should be I/N with 1 ≤ I ≤ N, e.g. 2/3.");
            year = SharedOptions.SchoolYear(schoolYear);
            if (string.IsNullOrWhiteSpace(jsonPath))
                throw new SettingsException("--leas writes its results to a file: give --json FILE (the file `wiscte audit merge` joins).");
            leas = File.Exists(leasFile) ? StatewideAudit.ReadLeas(leasFile) : throw new SettingsException($"--leas: there is no file {leasFile}.");
        }
        catch (Exception ex) when (ex is SettingsException or InvalidDataException)
        {
            await error.WriteLineAsync($"wiscte audit: {ex.Message}");
            return 2;
        }
        var mine = shard.Of(leas).ToList();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Shard {shard}: {mine.Count} of the {leas.Count} LEAs in {leasFile}, school year {year}."));
        var results = new List<JsonObject>();
        foreach (var entry in mine)
        {
            AuditReport? report = null;
            string? problem;
            if (environment(entry.ClientIdVariable) is not { Length: > 0 } id || environment(entry.ClientSecretVariable) is not { Length: > 0 } secret)
            {
                problem = $"no key: set {entry.ClientIdVariable} and {entry.ClientSecretVariable}.";
            }
            else
            {
                var target = new EdFiTarget(entry.BaseUrl, id, secret, year, SharedOptions.YearInRoute(yearInRoute, entry.BaseUrl));
                (report, problem) = await TryAuditAsync(target, entry.Lea, EndpointDataSet.MaximumPageSize, waivers, cancellation);
            }
            results.Add(StatewideAudit.Result(entry, report, problem));
            await output.WriteLineAsync(report is null
                ? $"  {entry.Name} ({entry.Lea}): NOT AUDITED: {problem}"
                : string.Create(CultureInfo.InvariantCulture, $"  {entry.Name} ({entry.Lea}): {report.Read.Sum(r => r.Count)} records, {report.Count(Severity.Error)} errors, {report.Count(Severity.Warning)} warnings."));
        }
        var file = StatewideAudit.ShardFile(shard, leas.Count, results);
        await WriteJsonAsync(jsonPath, file, output, cancellation);
        return StatewideAudit.ExitCode(file);
    }

    /// <summary><c>wiscte audit merge FILE… --json OUT</c>: the shards' files joined into one, as if one process had audited every LEA.</summary>
    private static Command MergeCommand(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("shard-files") { Description = "The result file of every shard (`wiscte audit --leas … --shard I/N --json FILE`)." };
        var json = new Option<string>("--json") { Description = "Write the merged results to this file.", Required = true };
        var merge = new Command("merge", "Join the result files of every shard of a statewide audit into one report (exit 0: no errors; 1: errors found; 2: an LEA was not audited or a shard is missing).") { files, json };
        merge.SetAction(async (parse, cancellation) =>
        {
            JsonObject merged;
            try
            {
                var shards = new List<(string, JsonObject)>();
                foreach (var path in parse.GetValue(files) ?? [])
                {
                    if (!File.Exists(path))
                        throw new InvalidDataException($"{path}: no such shard file.");
                    shards.Add((path, JsonNode.Parse(await File.ReadAllTextAsync(path, cancellation)) as JsonObject ?? throw new InvalidDataException($"{path}: not a shard file.")));
                }
                merged = StatewideAudit.Merge(shards);
            }
            catch (Exception ex) when (ex is InvalidDataException or JsonException)
            {
                await error.WriteLineAsync($"wiscte audit merge: {ex.Message}");
                return 2;
            }
            var audits = merged["audits"]!.AsArray().OfType<JsonObject>().ToList();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Merged {audits.Count} LEAs: {audits.Count(a => a["report"]?["conforms"]?.GetValue<bool>() == true)} without errors, {audits.Count(a => a["report"]?["conforms"]?.GetValue<bool>() == false)} with errors, {audits.Count(a => a.ContainsKey("error"))} not audited."));
            await WriteJsonAsync(parse.GetValue(json)!, merged, output, cancellation);
            return StatewideAudit.ExitCode(merged);
        });
        return merge;
    }

    private static Task WriteJsonAsync(string jsonPath, JsonNode json, TextWriter output, CancellationToken cancellation) =>
        WriteFileAsync(jsonPath, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "Results written to", output, cancellation);

    /// <summary>Writes a file (its folder made), then says where.</summary>
    private static async Task WriteFileAsync(string file, string text, string what, TextWriter output, CancellationToken cancellation)
    {
        var path = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text, cancellation);
        await output.WriteLineAsync($"{what} {path}");
    }

    private static async Task PrintAsync(AuditReport report, TextWriter output)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Read {report.Read.Sum(r => r.Count)} records: {string.Join(", ", report.Read.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Resource} {r.Count}")))}."));
        foreach (var finding in report.Findings.OrderBy(f => f.Severity).ThenBy(f => f.Code, StringComparer.Ordinal))
        {
            var where = finding.ResourceId is null ? finding.Resource : $"{finding.Resource}/{finding.ResourceId}";
            await output.WriteLineAsync($"{finding.Severity.ToString().ToUpperInvariant(),-8} {finding.Code,-28} {where}: {finding.Message}");
            if (report.WaiverOf(finding) is { } waiver)
                await output.WriteLineAsync($"         WAIVED {waiver.Terms}");
        }
        var byRule = report.RulesRun.Select(code => string.Create(CultureInfo.InvariantCulture, $"{code} {report.Findings.Count(f => f.Code == code)}"));
        await output.WriteLineAsync($"Rules run (findings): {string.Join(", ", byRule)}.");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{report.Count(Severity.Error)} errors, {report.Count(Severity.Warning)} warnings, {report.Count(Severity.Info)} info: {(report.Conforms ? "no errors" : "errors found")}."));
    }
}
