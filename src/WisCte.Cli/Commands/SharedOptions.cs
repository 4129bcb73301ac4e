using WisCte.Certification;
using WisCte.Dpi.Waivers;
using WisCte.EdFi.Model;
using System.Globalization;
using System.Security.Cryptography;
using WisCte.Dpi;

namespace WisCte.Cli.Commands;

/// <summary>Options several commands share, read and checked one way: school year, port, secrets, an endpoint's URL and credentials.</summary>
internal static class SharedOptions
{
    public const string ClientIdVariable = "WISCTE_CLIENT_ID";
    public const string ClientSecretVariable = "WISCTE_CLIENT_SECRET";

    /// <summary>What to check when the endpoint refuses the key.</summary>
    public const string CredentialsHint =
        $"Check --client-id and --client-secret (or ${ClientIdVariable} and ${ClientSecretVariable}), --base-url and --year-in-route.";

    public const string YearInRouteDescription =
        "true or false: whether the school year is a route segment (/{year}/data/v3/…). Default: true when the base URL "
        + "is a loopback address (the simulator), false otherwise (a real WISEdata year has a base URL of its own).";

    public static SchoolYear SchoolYear(int value) =>
        value is >= 2000 and <= 2100
            ? new SchoolYear(value)
            : throw new SettingsException(string.Create(CultureInfo.InvariantCulture, $"--school-year {value} is not a school year: give the year it ends in, e.g. 2026 for 2025-26."));

    public static int Port(int value) =>
        value is >= 0 and <= 65535
            ? value
            : throw new SettingsException(string.Create(CultureInfo.InvariantCulture, $"--port {value} is not a port number (0-65535; 0 picks a free port)."));

    /// <summary>A secret for a key the user did not give one for (printed once, so the SIS can be configured).</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>An absolute http(s) URL, with one trailing slash, so that "http://h:1" and "http://h:1/" are one endpoint.</summary>
    public static Uri? ParseBaseUrl(string? text) => WisCte.EdFi.EdFiTarget.ParseBaseUrl(text);

    /// <summary>The client id and secret from the options, else the environment; a <see cref="SettingsException"/> naming both ways when missing.</summary>
    public static (string Id, string Secret) Credentials(string? clientId, string? clientSecret, Func<string, string?> environment)
    {
        var id = Either(clientId, environment(ClientIdVariable))
                 ?? throw new SettingsException($"No client id: give --client-id or set {ClientIdVariable}.");
        var secret = Either(clientSecret, environment(ClientSecretVariable))
                     ?? throw new SettingsException($"No client secret: give --client-secret or set {ClientSecretVariable}.");
        return (id, secret);
    }

    public static bool YearInRoute(string? yearInRoute, Uri target)
    {
        if (string.IsNullOrWhiteSpace(yearInRoute))
            return target.IsLoopback;
        return bool.TryParse(yearInRoute.Trim(), out var inRoute)
            ? inRoute
            : throw new SettingsException($"--year-in-route '{yearInRoute}' should be true or false.");
    }

    /// <summary>What --waivers says (see docs/waivers.md).</summary>
    public const string WaiversDescription = "A JSON file of DPI's accepted exceptions (rule, useCase, reason, approvedBy, expires): a waived finding is shown as waived and fails nothing until it expires.";

    /// <summary>The waivers file, checked as of today; none when no file is given.</summary>
    public static WaiverFile Waivers(string? path)
    {
        if (path is null)
            return WaiverFile.None;
        try
        {
            return WaiverFile.Load(path, Judge.IsKnownRule, DateOnly.FromDateTime(DateTime.Now));
        }
        catch (WaiverFileException ex)
        {
            throw new SettingsException($"--waivers {ex.Message}");
        }
    }

    public static string Sentence(string message) => message.TrimEnd().EndsWith('.') ? message.TrimEnd() : message.TrimEnd() + ".";

    public static bool IsUnreachable(Exception ex, CancellationToken cancellation) =>
        ex is HttpRequestException || (ex is TaskCanceledException && !cancellation.IsCancellationRequested);

    private static string? Either(string? option, string? variable) =>
        !string.IsNullOrWhiteSpace(option) ? option : !string.IsNullOrWhiteSpace(variable) ? variable : null;
}
