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
}
