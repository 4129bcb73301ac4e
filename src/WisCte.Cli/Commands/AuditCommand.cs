using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using WisCte.Audit;
using WisCte.Dpi;
using WisCte.Dpi.Validation;
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
        var baseUrl = new Option<string>("--base-url") { Description = "The endpoint to read, e.g. https://wisedata.example/ (for the simulator: the base URL `wiscte serve` prints).", Required = true };
        var lea = new Option<long>("--lea") { Description = "The LEA whose records the key reads, e.g. 48856 (named in findings).", Required = true };
        var schoolYear = new Option<int>("--school-year") { Description = "The school year to audit, by the year it ends in: 2026 = 2025-26.", Required = true };
        var clientId = new Option<string?>("--client-id") { Description = $"Client id of a key that can read the LEA's records. Default: ${SharedOptions.ClientIdVariable}." };
        var clientSecret = new Option<string?>("--client-secret") { Description = $"Its secret (never printed). Default: ${SharedOptions.ClientSecretVariable}." };
        var yearInRoute = new Option<string?>("--year-in-route") { Description = SharedOptions.YearInRouteDescription };
        var json = new Option<string?>("--json") { Description = "Also write the findings as JSON to this file." };

        var command = new Command("audit", "Run DPI's data-quality (L2) rules over an LEA's submitted records of one school year (read only).")
        {
            baseUrl, lea, schoolYear, clientId, clientSecret, yearInRoute, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            EdFiTarget target;
            try
            {
                var url = SharedOptions.ParseBaseUrl(parse.GetValue(baseUrl))
                          ?? throw new SettingsException($"--base-url '{parse.GetValue(baseUrl)}' is not an absolute http(s) URL, e.g. https://wisedata.example/.");
                if (parse.GetValue(lea) <= 0)
                    throw new SettingsException($"--lea {parse.GetValue(lea).ToString(CultureInfo.InvariantCulture)} is not an education organization id, e.g. 48856.");
                var (id, secret) = SharedOptions.Credentials(parse.GetValue(clientId), parse.GetValue(clientSecret), environment);
                target = new EdFiTarget(url, id, secret, SharedOptions.SchoolYear(parse.GetValue(schoolYear)), SharedOptions.YearInRoute(parse.GetValue(yearInRoute), url));
            }
            catch (SettingsException ex)
            {
                await error.WriteLineAsync($"wiscte audit: {ex.Message}");
                return 2;
            }
            return await RunAsync(target, parse.GetValue(lea), parse.GetValue(json), output, error, cancellation: cancellation);
        });
        return command;
    }

    public static async Task<int> RunAsync(
        EdFiTarget target, long localEducationAgencyId, string? jsonPath, TextWriter output, TextWriter error,
        int pageSize = EndpointDataSet.MaximumPageSize, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Auditing LEA {localEducationAgencyId}, school year {target.SchoolYear}, at {target.BaseUrl} as {target.ClientId} (read only; year in route: {(target.YearInRoute ? "yes" : "no")})."));
        AuditReport report;
        using (var client = new EdFiClient(target))
        {
            try
            {
                report = await LeaAudit.RunAsync(client, localEducationAgencyId, pageSize: pageSize, cancellation: cancellation);
            }
            catch (EdFiAuthenticationException ex)
            {
                await error.WriteLineAsync(
                    $"wiscte audit: {SharedOptions.Sentence(ex.Message)} {SharedOptions.CredentialsHint} Nothing was judged.");
                return 2;
            }
            catch (AuditReadException ex)
            {
                await error.WriteLineAsync($"wiscte audit: could not read every record: {ex.Message} Nothing was judged: rules over part of the data would mislead.");
                return 2;
            }
            catch (Exception ex) when (SharedOptions.IsUnreachable(ex, cancellation))
            {
                await error.WriteLineAsync($"wiscte audit: cannot reach {target.BaseUrl}: {SharedOptions.Sentence(ex.Message)} Nothing was judged.");
                return 2;
            }
        }

        await PrintAsync(report, output);
        if (!string.IsNullOrWhiteSpace(jsonPath))
        {
            var path = Path.GetFullPath(jsonPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, report.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellation);
            await output.WriteLineAsync($"Findings written to {path}");
        }
        return report.Conforms ? 0 : 1;
    }

    private static async Task PrintAsync(AuditReport report, TextWriter output)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Read {report.Read.Sum(r => r.Count)} records: {string.Join(", ", report.Read.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Resource} {r.Count}")))}."));
        foreach (var finding in report.Findings.OrderBy(f => f.Severity).ThenBy(f => f.Code, StringComparer.Ordinal))
        {
            var where = finding.ResourceId is null ? finding.Resource : $"{finding.Resource}/{finding.ResourceId}";
            await output.WriteLineAsync($"{finding.Severity.ToString().ToUpperInvariant(),-8} {finding.Code,-28} {where}: {finding.Message}");
        }
        var byRule = report.RulesRun.Select(code => string.Create(CultureInfo.InvariantCulture, $"{code} {report.Findings.Count(f => f.Code == code)}"));
        await output.WriteLineAsync($"Rules run (findings): {string.Join(", ", byRule)}.");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{report.Count(Severity.Error)} errors, {report.Count(Severity.Warning)} warnings, {report.Count(Severity.Info)} info: {(report.Conforms ? "no errors" : "errors found")}."));
    }
}
