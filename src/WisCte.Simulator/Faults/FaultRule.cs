namespace WisCte.Simulator.Faults;

/// <summary>What an injected fault does.</summary>
public enum FaultKind
{
    /// <summary>500 with a system problem body.</summary>
    ServerError,

    /// <summary>503 Service Unavailable.</summary>
    ServiceUnavailable,

    /// <summary>429 Too Many Requests, with Retry-After.</summary>
    TooManyRequests,

    /// <summary>The request is handled normally after a delay.</summary>
    Delay,

    /// <summary>The connection is closed without a response.</summary>
    DropConnection,
}

/// <summary>
/// A fault for requests to a resource (or every resource: "*") with a method (or "*"): for the next <see cref="Count"/>
/// matching requests, or for <see cref="Percentage"/> of them.
/// </summary>
public sealed record FaultRule(string Resource, string Method, FaultKind Kind)
{
    public int? Count { get; init; }
    public double? Percentage { get; init; }
    public int RetryAfterSeconds { get; init; } = 1;
    public int DelayMilliseconds { get; init; } = 1000;

    public bool Matches(string? resource, string method) =>
        (Resource == "*" || string.Equals(Resource, resource, StringComparison.OrdinalIgnoreCase))
        && (Method == "*" || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase));

    public override string ToString() =>
        $"{Kind} on {Method} {Resource} " + (Count is { } n ? $"for the next {n}" : $"for {Percentage}%");
}
