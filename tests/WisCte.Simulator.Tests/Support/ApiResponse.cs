using System.Net;
using System.Text.Json.Nodes;

namespace WisCte.Simulator.Tests.Support;

/// <summary>What the simulator answered: status, headers and the body parsed when it is JSON.</summary>
public sealed record ApiResponse(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, string Text)
{
    public int Code => (int)Status;

    public JsonNode? Json => Text.Length == 0 ? null : JsonNode.Parse(Text);

    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The problem type URN of a problem-details body.</summary>
    public string? ProblemType => Json?["type"]?.GetValue<string>();

    /// <summary>Every validation error message, flattened.</summary>
    public IEnumerable<string> ValidationMessages =>
        (Json?["validationErrors"] as JsonObject ?? []).SelectMany(e => (e.Value as JsonArray ?? []).Select(m => $"{e.Key}: {m}"));

    public string Id => Header("Location")?.Split('/')[^1] ?? throw new InvalidOperationException($"No Location header: {Code} {Text}");

    public override string ToString() => $"{Code} {Text}";
}
