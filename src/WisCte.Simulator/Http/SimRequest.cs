namespace WisCte.Simulator.Http;

/// <summary>An HTTP request as the simulator sees it, independent of the server that received it.</summary>
/// <param name="Origin">Scheme, host and port the client used (for Location headers), e.g. http://127.0.0.1:5080.</param>
public sealed record SimRequest(
    string Origin,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? QueryValue(string name) => Query.FirstOrDefault(q => string.Equals(q.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string PathAndQuery => Query.Count == 0 ? Path : Path + "?" + string.Join('&', Query.Select(q => $"{q.Key}={q.Value}"));
}
