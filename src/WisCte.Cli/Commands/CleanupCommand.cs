using WisCte.EdFi.Model;
using System.CommandLine;
using System.Globalization;
using WisCte.Dpi;
using WisCte.EdFi;
using WisCte.ReferenceSis.Ledger;

namespace WisCte.Cli.Commands;

/// <summary>
/// <c>wiscte cleanup</c>: deletes exactly the records a run's ledger names, children first, from the endpoint they
/// were created at; for a run that was interrupted before it could clean up after itself.
/// </summary>
public static class CleanupCommand
{
    public const string ClientIdVariable = SharedOptions.ClientIdVariable;
    public const string ClientSecretVariable = SharedOptions.ClientSecretVariable;

    public static Command Create(TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var ledger = new Option<string>("--ledger") { Description = "The run's ledger (NDJSON, one created record a line), e.g. artifacts/ledger/run-1a2b3c4d.ndjson.", Required = true };
        var baseUrl = new Option<string?>("--base-url") { Description = "The endpoint to delete at. Default: the base URL the ledger's records name (they must all name the same one)." };
        var clientId = new Option<string?>("--client-id") { Description = $"Client id of the key to delete with. Default: ${ClientIdVariable}." };
        var clientSecret = new Option<string?>("--client-secret") { Description = $"Its secret (never printed). Default: ${ClientSecretVariable}." };
        var yearInRoute = new Option<string?>("--year-in-route") { Description = SharedOptions.YearInRouteDescription };

        var command = new Command("cleanup", "Delete exactly the records a run's ledger names, children first (for a run that was interrupted).")
        {
            ledger, baseUrl, clientId, clientSecret, yearInRoute,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            CleanupSettings settings;
            try
            {
                settings = CleanupSettings.From(
                    parse.GetValue(ledger)!, parse.GetValue(baseUrl), parse.GetValue(clientId), parse.GetValue(clientSecret),
                    parse.GetValue(yearInRoute), environment);
            }
            catch (SettingsException ex)
            {
                await error.WriteLineAsync($"wiscte cleanup: {ex.Message}");
                return 2;
            }
            return await RunAsync(settings, output, error, cancellation);
        });
        return command;
    }

    /// <summary>Deletes what the settings' ledger names and prints one line per record and a summary; the exit code.</summary>
    public static async Task<int> RunAsync(CleanupSettings settings, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (settings.Entries.Count == 0 || settings.BaseUrl is null)
        {
            await output.WriteLineAsync($"{settings.LedgerPath} names no records: nothing to delete.");
            await output.WriteLineAsync(Summary(0, 0, 0));
            return 0;
        }

        var years = settings.Entries.Select(e => e.SchoolYear).Distinct().Order().ToList();
        await output.WriteLineAsync(
            $"Deleting {Records(settings.Entries.Count)} named in {settings.LedgerPath}, children first, at {settings.BaseUrl} as {settings.ClientId} "
            + $"(school {(years.Count == 1 ? "year" : "years")} {string.Join(", ", years.Select(y => new SchoolYear(y)))}; year in route: {(settings.YearInRoute ? "yes" : "no")}).");
        if (settings.RecordedBaseUrls.Count > 0 && !settings.RecordedBaseUrls.SequenceEqual([settings.BaseUrl]))
            await output.WriteLineAsync($"  note: the ledger's records were created at {string.Join(", ", settings.RecordedBaseUrls)}; deleting at {settings.BaseUrl} as --base-url says.");

        var clients = years.ToDictionary(y => y, y => new EdFiClient(new EdFiTarget(settings.BaseUrl, settings.ClientId, settings.ClientSecret, new SchoolYear(y), settings.YearInRoute)));
        try
        {
            if (await SignInAsync(settings, clients.Values, error, cancellation) is { } refused)
                return refused;

            CleanupResult result;
            try
            {
                result = await LedgerCleanup.RunAsync(settings.Entries, year => clients[year], cancellation: cancellation);
            }
            catch (Exception ex) when (ex is EdFiAuthenticationException || SharedOptions.IsUnreachable(ex, cancellation))
            {
                await error.WriteLineAsync(
                    $"wiscte cleanup: stopped part way: {SharedOptions.Sentence(ex.Message)} Some records may be deleted already; run the same command again to finish (what is gone is reported as already gone).");
                return 1;
            }

            await PrintAsync(result, output);
            return result.Succeeded ? 0 : 1;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await error.WriteLineAsync("wiscte cleanup: interrupted. Some records may be deleted already; run the same command again to finish.");
            return 1;
        }
        finally
        {
            foreach (var client in clients.Values)
                client.Dispose();
        }
    }

    /// <summary>
    /// Signs in for every year before anything is deleted, so that refused credentials or a wrong --year-in-route stop
    /// the run at once: null when all is well, else the exit code (the problem printed).
    /// </summary>
    private static async Task<int?> SignInAsync(CleanupSettings settings, IEnumerable<EdFiClient> clients, TextWriter error, CancellationToken cancellation)
    {
        try
        {
            foreach (var client in clients)
                await client.Tokens.GetAsync(cancellation);
            return null;
        }
        catch (EdFiAuthenticationException ex)
        {
            await error.WriteLineAsync(
                $"wiscte cleanup: {SharedOptions.Sentence(ex.Message)} {SharedOptions.CredentialsHint} Nothing was deleted.");
            return 2;
        }
        catch (Exception ex) when (SharedOptions.IsUnreachable(ex, cancellation))
        {
            await error.WriteLineAsync($"wiscte cleanup: cannot reach {settings.BaseUrl}: {SharedOptions.Sentence(ex.Message)} Nothing was deleted.");
            return 1;
        }
    }

    public static string Summary(int deleted, int alreadyGone, int failed) =>
        string.Create(CultureInfo.InvariantCulture, $"{deleted} deleted, {alreadyGone} already gone, {failed} failed");

    /// <summary>One line per record, in the order they were deleted (newest first), then the summary.</summary>
    private static async Task PrintAsync(CleanupResult result, TextWriter output)
    {
        var lines = new List<(LedgerEntry Entry, string Line)>();
        lines.AddRange(result.Deleted.Select(e => (e, $"deleted {Name(e)}")));
        lines.AddRange(result.AlreadyGone.Select(e => (e, $"already gone {Name(e)}")));
        lines.AddRange(result.Failed.Select(f => (f.Entry, $"could not delete {Name(f.Entry)}: {f.Problem}")));
        foreach (var (_, line) in lines.OrderByDescending(l => l.Entry.Created).ThenByDescending(l => l.Entry.Sequence))
            await output.WriteLineAsync(line);
        await output.WriteLineAsync(Summary(result.Deleted.Count, result.AlreadyGone.Count, result.Failed.Count));
    }

    private static string Records(int count) =>
        count == 1 ? "the 1 record" : string.Create(CultureInfo.InvariantCulture, $"the {count} records");


    private static string Name(LedgerEntry entry) =>
        string.IsNullOrWhiteSpace(entry.Description) ? $"{entry.Resource}/{entry.Id}" : $"{entry.Resource}/{entry.Id} ({entry.Description})";
}

/// <summary>
/// The cleanup command's settings, checked: the ledger read and every entry usable, one base URL, credentials, and
/// whether the year is in the route. Every problem is a <see cref="SettingsException"/> naming the option or file:line.
/// </summary>
public sealed partial record CleanupSettings(
    string LedgerPath, IReadOnlyList<LedgerEntry> Entries, Uri? BaseUrl, IReadOnlyList<Uri> RecordedBaseUrls, string ClientId, string ClientSecret, bool YearInRoute)
{
    public static CleanupSettings From(
        string ledgerPath, string? baseUrl, string? clientId, string? clientSecret, string? yearInRoute, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrWhiteSpace(ledgerPath))
            throw new SettingsException("--ledger must name the run's ledger file.");
        var path = Path.GetFullPath(ledgerPath);
        var entries = ReadLedger(path);

        Uri? given = null;
        if (!string.IsNullOrWhiteSpace(baseUrl))
            given = SharedOptions.ParseBaseUrl(baseUrl) ?? throw new SettingsException($"--base-url '{baseUrl}' is not an absolute http(s) URL, e.g. https://wisedata.example/.");
        var recorded = entries.Select(e => e.Url).Distinct().ToList();
        if (entries.Count == 0)
            return new CleanupSettings(path, [], given, recorded, "", "", false);
        if (given is null && recorded.Count > 1)
            throw new SettingsException($"{path} names records at more than one base URL ({string.Join(", ", recorded)}); give --base-url to say which to delete at.");
        var target = given ?? recorded[0];

        var (id, secret) = SharedOptions.Credentials(clientId, clientSecret, environment);
        var inRoute = SharedOptions.YearInRoute(yearInRoute, target);

        return new CleanupSettings(path, [.. entries.Select(e => e.Entry)], target, recorded, id, secret, inRoute);
    }

    /// <summary>Never the secret.</summary>
    public override string ToString() =>
        $"{Entries.Count} records from {LedgerPath} at {BaseUrl?.ToString() ?? "(none)"} as {ClientId}, year in route: {YearInRoute}";

    private static IReadOnlyList<(LedgerEntry Entry, Uri Url)> ReadLedger(string path)
    {
        try
        {
            return RunLedger.ReadChecked(path);
        }
        catch (FileNotFoundException)
        {
            throw new SettingsException($"--ledger: there is no ledger at {path}.");
        }
        catch (InvalidDataException ex)
        {
            throw new SettingsException($"--ledger: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new SettingsException($"--ledger: cannot read {path}: {ex.Message}", ex);
        }
    }
}
