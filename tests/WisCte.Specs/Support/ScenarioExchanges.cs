using WisCte.EdFi;

namespace WisCte.Specs.Support;

/// <summary>The HTTP exchanges of one scenario, in order; the step hook attaches each step's share to the report.</summary>
public sealed class ScenarioExchanges : IExchangeRecorder
{
    private readonly Lock _gate = new();
    private readonly List<HttpExchange> _all = [];
    private int _attached;

    public void Record(HttpExchange exchange)
    {
        lock (_gate)
            _all.Add(exchange);
    }

    public IReadOnlyList<HttpExchange> All
    {
        get
        {
            lock (_gate)
                return [.. _all];
        }
    }

    /// <summary>The exchanges since the last call: those of the step that just ran.</summary>
    public IReadOnlyList<HttpExchange> TakeNew()
    {
        lock (_gate)
        {
            var fresh = _all.Skip(_attached).ToList();
            _attached = _all.Count;
            return fresh;
        }
    }
}
