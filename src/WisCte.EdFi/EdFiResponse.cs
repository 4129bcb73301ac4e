using System.Text.Json.Nodes;

namespace WisCte.EdFi;

/// <summary>What an Ed-Fi API answered.</summary>
public sealed record EdFiResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public ProblemDetails? Problem => IsSuccess ? null : ProblemDetails.TryParse(Body);

    public string? Header(string name) => Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? Location => Header("Location");

    /// <summary>The resource id in the Location header.</summary>
    public string? Id => Location?.Split('/')[^1];

    public override string ToString() => $"{Status} {(Body.Length > 300 ? Body[..300] + "…" : Body)}";
}
