using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WisCte.EdFi;
using WisCte.EdFi.Model;

namespace WisCte.ReferenceSis;

/// <summary>What the scenarios of one run share: one token per school year, and DPI's descriptor lists (they do not change during a run).</summary>
public sealed class ReferenceSisRun(EdFiTarget target) : IDisposable
{
    private readonly ConcurrentDictionary<int, TokenProvider> _tokens = new();

    public ConcurrentDictionary<(int Year, string Type), IReadOnlyList<JsonObject>> Descriptors { get; } = new();

    public TokenProvider Tokens(SchoolYear year) => _tokens.GetOrAdd(year.EndYear, _ => EdFiClient.SharedTokens(target.ForYear(year)));

    public void Dispose()
    {
        foreach (var tokens in _tokens.Values)
            tokens.Dispose();
    }
}
