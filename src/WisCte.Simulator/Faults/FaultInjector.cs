using System.Globalization;

namespace WisCte.Simulator.Faults;

/// <summary>Decides, request by request, whether a fault rule fires. Rules with a count are used up as they fire.</summary>
public sealed class FaultInjector(Random random)
{
    private readonly Lock _gate = new();
    private readonly List<RuleState> _rules = [];

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
                return [.. _rules.Select(r => r.Rule with { Count = r.Remaining ?? r.Rule.Count })];
        }
    }

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Count is null == rule.Percentage is null)
            throw new ArgumentException($"A fault needs either a count or a percentage: {rule}", nameof(rule));
        if (rule.Count is <= 0 || rule.Percentage is <= 0 or > 100)
            throw new ArgumentException($"A fault's count must be positive and its percentage in (0, 100]: {rule}", nameof(rule));
        lock (_gate)
            _rules.Add(new RuleState(rule) { Remaining = rule.Count });
    }

    public void Clear()
    {
        lock (_gate)
            _rules.Clear();
    }

    /// <summary>The fault of one of these kinds for this request, or null; a counted rule is used up by one.</summary>
    public FaultRule? Next(string? resource, string method, Func<FaultKind, bool> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        lock (_gate)
        {
            foreach (var state in _rules.Where(s => kinds(s.Rule.Kind) && s.Rule.Matches(resource, method)))
            {
                if (state.Remaining is { } remaining)
                {
                    state.Remaining = remaining - 1;
                    if (state.Remaining == 0)
                        _rules.Remove(state);
                    return state.Rule;
                }
                if (random.NextDouble() * 100 < state.Rule.Percentage)
                    return state.Rule;
            }
            return null;
        }
    }

    /// <summary>
    /// Reads a fault given on the command line or the admin API: <c>KIND:METHOD:RESOURCE:N</c> or <c>…:P%</c>, with an
    /// optional <c>:retry-after=S</c> or <c>:delay=MS</c>. Example: <c>503:POST:studentSectionAssociations:2</c>.
    /// Kinds: 500, 503, 429, delay, drop.
    /// </summary>
    public static FaultRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length < 4)
            throw new FormatException($"Fault '{text}' should read KIND:METHOD:RESOURCE:COUNT or KIND:METHOD:RESOURCE:PERCENT%, e.g. 503:POST:students:2.");
        var kind = parts[0].ToUpperInvariant() switch
        {
            "500" => FaultKind.ServerError,
            "503" => FaultKind.ServiceUnavailable,
            "429" => FaultKind.TooManyRequests,
            "DELAY" => FaultKind.Delay,
            "DROP" => FaultKind.DropConnection,
            _ => throw new FormatException($"Fault '{text}': kind '{parts[0]}' is not one of 500, 503, 429, delay, drop."),
        };
        var rule = new FaultRule(parts[2], parts[1].ToUpperInvariant(), kind);
        var amount = parts[3];
        if (amount.EndsWith('%'))
            rule = rule with { Percentage = double.TryParse(amount[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : throw new FormatException($"Fault '{text}': '{amount}' is not a percentage.") };
        else
            rule = rule with { Count = int.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"Fault '{text}': '{amount}' is not a count.") };
        foreach (var option in parts.Skip(4))
        {
            var (name, value) = option.Split('=', 2) is [var k, var v] ? (k, v) : throw new FormatException($"Fault '{text}': option '{option}' should be name=value.");
            if (name.ToUpperInvariant() is not ("RETRY-AFTER" or "DELAY"))
                throw new FormatException($"Fault '{text}': unknown option '{name}' (retry-after, delay).");
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                throw new FormatException($"Fault '{text}': '{value}' is not a whole number.");
            rule = name.ToUpperInvariant() switch
            {
                "RETRY-AFTER" => rule with { RetryAfterSeconds = number },
                "DELAY" => rule with { DelayMilliseconds = number },
                _ => throw new FormatException($"Fault '{text}': unknown option '{name}' (retry-after, delay)."),
            };
        }
        return rule;
    }

    private sealed class RuleState(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;
        public int? Remaining { get; set; }
    }
}
