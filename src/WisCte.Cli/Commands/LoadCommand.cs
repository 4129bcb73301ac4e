using System.CommandLine;
using System.Globalization;
using WisCte.EdFi;
using WisCte.EdFi.Model;
using WisCte.ReferenceSis.Load;

namespace WisCte.Cli.Commands;

/// <summary>
/// <c>wiscte load</c>: plays a correct district-size sync (POSTs only) against an endpoint with parallel workers, and
/// prints what was sent: requests, statuses, req/s, p50/p95 latency. It refuses any endpoint but this machine's unless
/// told the endpoint is the user's own. Exit 0: every record accepted; 1: some refused; 2: could not run.
/// </summary>
public static class LoadCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<string, string?> environment, bool interactive = false)
    {
        var baseUrl = new Option<string>("--base-url") { Description = "The endpoint to load, e.g. the base URL `wiscte serve` prints.", Required = true };
        var schoolYear = new Option<int>("--school-year") { Description = "The school year to send, by the year it ends in: 2026 = 2025-26.", DefaultValueFactory = _ => 2026 };
        var clientId = new Option<string?>("--client-id") { Description = $"Client id of the SIS's key. Default: ${SharedOptions.ClientIdVariable}." };
        var clientSecret = new Option<string?>("--client-secret") { Description = $"Its secret (never printed). Default: ${SharedOptions.ClientSecretVariable}." };
        var yearInRoute = new Option<string?>("--year-in-route") { Description = SharedOptions.YearInRouteDescription };
        var students = new Option<int>("--students") { Description = "Fictional students to send (LD0000000, LD0000001, …).", DefaultValueFactory = _ => 1000 };
        var workers = new Option<int>("--workers") { Description = "Parallel workers, each with its own token.", DefaultValueFactory = _ => 8 };
        var sections = new Option<int>("--sections") { Description = $"Section enrolments per student, 0 to {DistrictMix.MaxSections} (the first with DPI's IRC program).", DefaultValueFactory = _ => 1 };
        var withoutCte = new Option<bool>("--without-cte") { Description = "No CTE program association per student." };
        var grades = new Option<bool>("--grades") { Description = "A final grade for each section enrolment." };
        var attendance = new Option<int>("--attendance") { Description = $"Excused absences per student, 0 to {DistrictMix.MaxAttendance}.", DefaultValueFactory = _ => 0 };
        var ownEndpoint = new Option<bool>("--i-own-this-endpoint") { Description = "Allow a base URL that is not this machine's (loopback). Never point a load at WISEdata or anyone else's endpoint." };

        var command = new Command("load", "Play a correct district-size sync (POSTs only, never a DELETE) against an endpoint and print requests, statuses, req/s and latency.")
        {
            baseUrl, schoolYear, clientId, clientSecret, yearInRoute, students, workers, sections, withoutCte, grades, attendance, ownEndpoint,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            EdFiTarget target;
            DistrictSync sync;
            try
            {
                var url = SharedOptions.ParseBaseUrl(parse.GetValue(baseUrl))
                          ?? throw new SettingsException($"--base-url '{parse.GetValue(baseUrl)}' is not an absolute http(s) URL, e.g. http://127.0.0.1:5000/.");
                if (!url.IsLoopback && !parse.GetValue(ownEndpoint))
                {
                    throw new SettingsException(
                        $"--base-url {url} is not this machine's. A load sends thousands of fictional records; give --i-own-this-endpoint only for an endpoint you run yourself.");
                }
                if (parse.GetValue(students) < 1 || parse.GetValue(workers) < 1)
                    throw new SettingsException("--students and --workers must each be at least 1.");
                var mix = new DistrictMix(parse.GetValue(sections), !parse.GetValue(withoutCte), parse.GetValue(grades), parse.GetValue(attendance));
                if (mix.Problem() is { } problem)
                    throw new SettingsException(problem);
                var (id, secret) = SharedOptions.Credentials(parse.GetValue(clientId), parse.GetValue(clientSecret), environment);
                var year = SharedOptions.SchoolYear(parse.GetValue(schoolYear));
                target = new EdFiTarget(url, id, secret, year, SharedOptions.YearInRoute(parse.GetValue(yearInRoute), url));
                sync = new DistrictSync(year, mix);
            }
            catch (SettingsException ex)
            {
                await error.WriteLineAsync($"wiscte load: {ex.Message}");
                return 2;
            }
            return await RunAsync(target, sync, parse.GetValue(students), parse.GetValue(workers), output, error, interactive, cancellation);
        });
        return command;
    }

    public static async Task<int> RunAsync(
        EdFiTarget target, DistrictSync sync, int students, int workers, TextWriter output, TextWriter error, bool interactive = false, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var expected = (long)students * sync.Mix.RequestsPerStudent;
        await output.WriteLineAsync(Invariant(
            $"Loading {target.BaseUrl} as {target.ClientId}, {target.SchoolYear}: {students:N0} fictional students, {sync.Mix.RequestsPerStudent} POSTs each ({expected:N0} requests), {workers} workers."));
        LoadSummary summary;
        try
        {
            summary = await LoadProgress.RunAsync(expected, interactive, output, progress => new LoadRun(target, sync).RunAsync(students, workers, progress, cancellation));
        }
        catch (EdFiAuthenticationException ex)
        {
            await error.WriteLineAsync($"wiscte load: {SharedOptions.Sentence(ex.Message)} {SharedOptions.CredentialsHint} Nothing more was sent.");
            return 2;
        }
        catch (Exception ex) when (SharedOptions.IsUnreachable(ex, cancellation))
        {
            await error.WriteLineAsync($"wiscte load: cannot reach {target.BaseUrl}: {SharedOptions.Sentence(ex.Message)}");
            return 2;
        }
        await output.WriteLineAsync(Invariant(
            $"Sent {summary.Requests:N0} requests (and {summary.TokenRequests:N0} token requests) for {summary.Students:N0} students in {summary.Elapsed.TotalSeconds:F1} s: {summary.PerSecond:N0} req/s; latency p50 {summary.P50Ms:F1} ms, p95 {summary.P95Ms:F1} ms."));
        await output.WriteLineAsync("Statuses: " + string.Join(", ", summary.Statuses.Select(s => Invariant($"{(s.Key == 0 ? "no answer" : s.Key.ToString(CultureInfo.InvariantCulture))} {s.Value:N0}"))) + ".");
        await output.WriteLineAsync(summary.Refused == 0
            ? "Every record was accepted."
            : Invariant($"{summary.Refused:N0} records were not accepted after retries: see the endpoint's journal."));
        return summary.Refused == 0 ? 0 : 1;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
