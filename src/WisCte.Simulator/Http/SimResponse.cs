using System.Text.Json;
using System.Text.Json.Nodes;

namespace WisCte.Simulator.Http;

/// <summary>How a response should end: normally, or with the connection dropped (fault injection).</summary>
public enum ResponseEnding
{
    Normal,
    DropConnection,
}

/// <summary>The simulator's answer, turned into a real HTTP response by the hosting server.</summary>
public sealed record SimResponse(int Status, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public ResponseEnding Ending { get; init; } = ResponseEnding.Normal;

    /// <summary>Wait this long before answering (fault injection).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>What fault injection did to this response, for the journal; null when none.</summary>
    public string? InjectedFault { get; init; }

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static SimResponse Json(int status, JsonNode body, params (string Name, string Value)[] headers) =>
        new(status, WithContentType("application/json; charset=utf-8", headers), body.ToJsonString(Compact));

    public static SimResponse Empty(int status, params (string Name, string Value)[] headers) =>
        new(status, headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase), null);

    public SimResponse WithHeader(string name, string value)
    {
        var headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value };
        return this with { Headers = headers };
    }

    internal static Dictionary<string, string> WithContentType(string contentType, (string Name, string Value)[] headers)
    {
        var result = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        result["Content-Type"] = contentType;
        return result;
    }
}
