namespace WisCte.Certification.Rules;

/// <summary>A rule the judgement applies to a SIS's recorded traffic. Its ids are stable: findings and features name them.</summary>
public interface ICertificationRule
{
    /// <summary>The rule ids it reports, each a row of <see cref="RuleCatalog"/> (cause, severity, source).</summary>
    IReadOnlyList<RuleEntry> Entries { get; }

    /// <summary>A judge of one run: the judgement hands it each exchange once, in journal order, then asks for its findings.</summary>
    RuleJudge Start(JudgementContext context);
}

/// <summary>
/// A rule's judge of one run. The journal is read once, forward: <see cref="Observe"/> sees each exchange in order and
/// keeps only what the rule needs (keys and small facts, never the exchanges), reporting as it goes; after the last
/// exchange, <see cref="Conclude"/> judges what only the whole journal or what the SIS left shows.
/// </summary>
public abstract class RuleJudge(JudgementContext context)
{
    private readonly List<Finding> _findings = [];

    protected JudgementContext Context => context;

    public virtual void Observe(Exchange exchange)
    {
    }

    public IReadOnlyList<Finding> Finish()
    {
        Conclude();
        return _findings;
    }

    protected virtual void Conclude()
    {
    }

    protected void Report(string? resource, RuleEntry rule, string message, params long[] entries) =>
        _findings.AddRange(context.For(resource, rule, message, entries));
}

internal static class RuleHelpers
{
    public static IEnumerable<Finding> For(this JudgementContext context, string? resource, RuleEntry rule, string message, params long[] entries) =>
        context.UseCasesFor(resource).Select(u => new Finding(u, rule.Id, rule.Severity, message, entries));

    /// <summary>The index of the first item of an ordered list that is past a point (binary search), or -1.</summary>
    public static int FirstPast<T>(IReadOnlyList<T> ordered, Func<T, bool> isPast)
    {
        var (low, high) = (0, ordered.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (isPast(ordered[middle]))
                high = middle;
            else
                low = middle + 1;
        }
        return low < ordered.Count ? low : -1;
    }
}
