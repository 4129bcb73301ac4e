namespace WisCte.Certification.Rules;

/// <summary>A rule the judgement applies to a SIS's recorded traffic. Its ids are stable: findings and features name them.</summary>
public interface ICertificationRule
{
    /// <summary>The rule ids it reports, each a row of <see cref="RuleCatalog"/> (cause, severity, source).</summary>
    IReadOnlyList<RuleEntry> Entries { get; }

    IEnumerable<Finding> Judge(JudgementContext context);
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
