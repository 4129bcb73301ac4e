namespace WisCte.Certification.Rules;

/// <summary>A rule the judgement applies to a SIS's recorded traffic. Its id is stable: findings and features name it.</summary>
public interface ICertificationRule
{
    string Id { get; }

    /// <summary>What the rule checks and why, in a sentence (the living doc and verdicts quote it).</summary>
    string Why { get; }

    IEnumerable<Finding> Judge(JudgementContext context);
}

internal static class RuleHelpers
{
    public static IEnumerable<Finding> For(this JudgementContext context, string? resource, string ruleId, string message, params long[] entries) =>
        context.UseCasesFor(resource).Select(u => new Finding(u, ruleId, FindingSeverity.Error, message, entries));
}
