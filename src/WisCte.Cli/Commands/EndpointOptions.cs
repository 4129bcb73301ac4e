namespace WisCte.Cli.Commands;

/// <summary>How the commands that talk to a real endpoint (cleanup, audit) read its URL, credentials and route shape.</summary>
internal static class EndpointOptions
{
    public const string ClientIdVariable = "WISCTE_CLIENT_ID";
    public const string ClientSecretVariable = "WISCTE_CLIENT_SECRET";

    /// <summary>What to check when the endpoint refuses the key.</summary>
    public const string CredentialsHint =
        $"Check --client-id and --client-secret (or ${ClientIdVariable} and ${ClientSecretVariable}), --base-url and --year-in-route.";

    public const string YearInRouteDescription =
        "true or false: whether the school year is a route segment (/{year}/data/v3/…). Default: true when the base URL "
        + "is a loopback address (the simulator), false otherwise (a real WISEdata year has a base URL of its own).";

    /// <summary>An absolute http(s) URL, with one trailing slash, so that "http://h:1" and "http://h:1/" are one endpoint.</summary>
    public static Uri? ParseBaseUrl(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && Uri.TryCreate(text.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

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

    public static string Sentence(string message) => message.TrimEnd().EndsWith('.') ? message.TrimEnd() : message.TrimEnd() + ".";

    public static bool IsUnreachable(Exception ex, CancellationToken cancellation) =>
        ex is HttpRequestException || (ex is TaskCanceledException && !cancellation.IsCancellationRequested);

    private static string? Either(string? option, string? variable) =>
        !string.IsNullOrWhiteSpace(option) ? option : !string.IsNullOrWhiteSpace(variable) ? variable : null;
}
