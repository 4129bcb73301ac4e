using System.CommandLine;
using System.Globalization;
using WisCte.Dpi;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Hosting;

namespace WisCte.Cli.Commands;

/// <summary>
/// <c>wiscte serve</c>: runs the simulated WISEdata endpoint until Ctrl-C or SIGTERM, printing where it listens.
/// </summary>
public static class ServeCommand
{
    public const string DefaultClientId = "wiscte-sis";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port") { Description = "Loopback port; 0 picks a free one.", DefaultValueFactory = _ => 0 };
        var clientId = new Option<string>("--client-id") { Description = "Client id of the SIS's key.", DefaultValueFactory = _ => DefaultClientId };
        var clientSecret = new Option<string?>("--client-secret") { Description = "Its secret; generated (and printed) when omitted." };
        var lea = new Option<long>("--lea") { Description = "The LEA the key is issued for.", DefaultValueFactory = _ => WisCte.Dpi.Baseline.DpiBaseline.Lea };
        var clients = new Option<string[]>("--client") { Description = "More keys, each ID:SECRET:LEA (repeatable).", AllowMultipleArgumentsPerToken = false };
        var schoolYear = new Option<int>("--school-year") { Description = "School year served at /data/v3 (2026 = 2025-26).", DefaultValueFactory = _ => 2026 };
        var journal = new Option<string?>("--journal") { Description = "Append every request and response (secrets masked) to this NDJSON file." };
        var tokenLifetime = new Option<int>("--token-lifetime") { Description = "Token lifetime in seconds.", DefaultValueFactory = _ => 3600 };
        var faults = new Option<string[]>("--fault") { Description = "Inject a fault: KIND:METHOD:RESOURCE:COUNT or …:PERCENT%, KIND one of 500, 503, 429, delay, drop (repeatable). Example: 503:POST:studentSectionAssociations:2" };
        var maxBody = new Option<long>("--max-body-bytes") { Description = "Larger request bodies get 413.", DefaultValueFactory = _ => 1024 * 1024 };

        var command = new Command("serve", "Run the simulated WISEdata endpoint (Ed-Fi ODS/API 7.x behaviour and DPI's CTE rules) until Ctrl-C.")
        {
            port, clientId, clientSecret, lea, clients, schoolYear, journal, tokenLifetime, faults, maxBody,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            ServeSettings settings;
            try
            {
                settings = ServeSettings.From(
                    parse.GetValue(port), parse.GetValue(clientId)!, parse.GetValue(clientSecret), parse.GetValue(lea),
                    parse.GetValue(clients) ?? [], parse.GetValue(schoolYear), parse.GetValue(journal), parse.GetValue(tokenLifetime),
                    parse.GetValue(faults) ?? [], parse.GetValue(maxBody));
            }
            catch (SettingsException ex)
            {
                await error.WriteLineAsync($"wiscte serve: {ex.Message}");
                return 2;
            }
            return await RunAsync(settings, output, error, cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(ServeSettings settings, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        WisedataSimulator simulator;
        try
        {
            simulator = WisedataSimulator.Start(settings.Options);
        }
#pragma warning disable CA1031 // Start-up failures (port taken, journal not writable) are reported, not thrown at the user.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"wiscte serve: could not start the simulator on port {settings.Options.Port}: {ex.Message}");
            return 1;
        }

        using (simulator)
        {
            var first = settings.Options.Clients[0];
            await output.WriteLineAsync($"WISEdata simulator ready (school year {settings.Options.DefaultSchoolYear}; also {string.Join(", ", settings.Options.AllSchoolYears.Select(y => y.EndYear))} under /{{year}}/…)");
            await output.WriteLineAsync($"  base URL:   {simulator.BaseUrl}");
            await output.WriteLineAsync($"  token URL:  {simulator.TokenUrl}");
            await output.WriteLineAsync($"  data URL:   {simulator.BaseUrl}/data/v3/ed-fi/");
            await output.WriteLineAsync($"  client id:  {first.ClientId} (LEA {first.LocalEducationAgencyId})");
            if (settings.SecretGenerated)
                await output.WriteLineAsync($"  secret:     {first.ClientSecret}   (generated for this run; pass --client-secret to choose one)");
            foreach (var extra in settings.Options.Clients.Skip(1))
                await output.WriteLineAsync($"  client id:  {extra.ClientId} (LEA {extra.LocalEducationAgencyId})");
            if (settings.Options.JournalPath is { } path)
                await output.WriteLineAsync($"  journal:    {Path.GetFullPath(path)}");
            foreach (var fault in settings.Options.Faults)
                await output.WriteLineAsync($"  fault:      {fault}");
            await output.WriteLineAsync("Press Ctrl-C to stop.");
            await output.FlushAsync(cancellation);

            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM: System.CommandLine cancels the token.
            }
            await output.WriteLineAsync($"Stopped after {simulator.Journal.Count} requests.");
        }
        return 0;
    }
}

/// <summary>A command-line setting that cannot be used; the message names the option and what is wrong.</summary>
public sealed class SettingsException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The serve command's options, checked: every problem is a message naming the option.</summary>
public sealed record ServeSettings(SimulatorOptions Options, bool SecretGenerated)
{
    public static ServeSettings From(
        int port, string clientId, string? clientSecret, long lea, IEnumerable<string> clients, int schoolYear,
        string? journal, int tokenLifetime, IEnumerable<string> faults, long maxBodyBytes)
    {
        SharedOptions.Port(port);
        var year = SharedOptions.SchoolYear(schoolYear);
        if (tokenLifetime <= 0)
            throw new SettingsException($"--token-lifetime {tokenLifetime} must be a positive number of seconds.");
        if (maxBodyBytes <= 0)
            throw new SettingsException($"--max-body-bytes {maxBodyBytes} must be positive.");
        if (string.IsNullOrWhiteSpace(clientId))
            throw new SettingsException("--client-id must not be empty.");

        var generated = string.IsNullOrEmpty(clientSecret);
        var secret = generated ? SharedOptions.NewSecret() : clientSecret!;
        var keys = new List<ApiClient> { new(clientId, secret, lea) };
        foreach (var text in clients)
        {
            var parts = text.Split(':');
            if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace) || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var clientLea))
                throw new SettingsException($"--client '{Redact(text)}' should be ID:SECRET:LEA, e.g. other-sis:s3cret:48856.");
            keys.Add(new ApiClient(parts[0], parts[1], clientLea));
        }
        if (keys.GroupBy(k => k.ClientId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new SettingsException($"Client id '{duplicate.Key}' is given more than once.");

        var faultRules = faults.Select(f =>
        {
            try
            {
                return FaultInjector.Parse(f);
            }
            catch (FormatException ex)
            {
                throw new SettingsException($"--fault: {ex.Message}", ex);
            }
        }).ToList();

        var options = new SimulatorOptions
        {
            Port = port,
            DefaultSchoolYear = year,
            Clients = keys,
            JournalPath = journal,
            TokenLifetime = TimeSpan.FromSeconds(tokenLifetime),
            Faults = faultRules,
            MaxBodyBytes = maxBodyBytes,
        };
        return new ServeSettings(options, generated);
    }

    private static string Redact(string text) => text.Split(':') is [var id, _, var rest] ? $"{id}:***:{rest}" : "***";
}
