namespace WisCte.ScriptedSis;

/// <summary>How a scripted SIS behaves on the wire. The defaults are what DPI and Ed-Fi expect; each flag is one mistake.</summary>
public sealed record SisBehaviour
{
    /// <summary>Retries after a failure with no wait.</summary>
    public bool RetriesAtOnce { get; init; }

    /// <summary>Waits, but less than Retry-After says.</summary>
    public bool IgnoresRetryAfter { get; init; }

    /// <summary>Keeps retrying a failing request (10 attempts).</summary>
    public bool RetriesWithoutEnd { get; init; }

    /// <summary>Sends a refused (4xx) request again unchanged.</summary>
    public bool ResendsRefusedRequests { get; init; }

    /// <summary>Fetches a token for every request.</summary>
    public bool TokenPerRequest { get; init; }

    /// <summary>Fetches a new token every N requests although its token is still good (a token per record, per batch).</summary>
    public int? NewTokenEvery { get; init; }

    /// <summary>After a 401, tries again with the same token.</summary>
    public bool KeepsRefusedToken { get; init; }
}
