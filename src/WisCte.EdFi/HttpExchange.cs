namespace WisCte.EdFi;

/// <summary>One HTTP request and its response as sent on the wire (each retry is its own exchange), secrets masked.</summary>
public sealed record HttpExchange(
    DateTimeOffset Started,
    string Method,
    string Url,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string? RequestBody,
    int? Status,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    string? ResponseBody,
    TimeSpan Duration,
    string? Error)
{
    public override string ToString() => $"{Method} {Url} → {(Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Error)}";
}

/// <summary>Receives every exchange a client makes (the living doc attaches them to the step that made them).</summary>
public interface IExchangeRecorder
{
    void Record(HttpExchange exchange);
}
