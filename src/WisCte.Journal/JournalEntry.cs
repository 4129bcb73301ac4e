namespace WisCte.Journal;

/// <summary>One request and its response, secrets masked. Serialised as one NDJSON line.</summary>
public sealed record JournalEntry
{
    public required long Sequence { get; init; }
    /// <summary>When the request arrived (the simulator) or was sent (the Ed-Fi client); its answer came <see cref="DurationMs"/> later.</summary>
    public required DateTimeOffset Timestamp { get; init; }
    public string? ClientId { get; init; }
    public required string CorrelationId { get; init; }
    public int? SchoolYear { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public IReadOnlyDictionary<string, string> RequestHeaders { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public string? RequestBody { get; init; }
    public required int Status { get; init; }
    public IReadOnlyDictionary<string, string> ResponseHeaders { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public string? ResponseBody { get; init; }
    public double DurationMs { get; init; }

    /// <summary>
    /// Which bearer token the request carried, or which token a token response issued: <see cref="Masking.Fingerprint"/>,
    /// never the token. Tells a SIS's workers apart, each reusing its own token.
    /// </summary>
    public string? TokenFingerprint { get; init; }

    /// <summary>What fault injection did (e.g. "503", "drop"), or null.</summary>
    public string? Fault { get; init; }
}
