namespace WisCte.Certification.Rules;

/// <summary>After WISEdata refuses a student, the SIS sends nothing that hangs off that student until the student is accepted.</summary>
public sealed class NoChildAfterRejectedParentRule : ICertificationRule
{
    private static RuleEntry Rule => RuleCatalog.NoChildAfterRejectedParent;

    public IReadOnlyList<RuleEntry> Entries => [Rule];

    public RuleJudge Start(JudgementContext context) => new Judge(context);

    /// <summary>Holds the students refused and not yet accepted.</summary>
    private sealed class Judge(JudgementContext context) : RuleJudge(context)
    {
        private readonly Dictionary<string, long> _refused = new(StringComparer.OrdinalIgnoreCase);

        public override void Observe(Exchange exchange)
        {
            if (!exchange.IsData || exchange.Method != "POST")
                return;
            if (JudgementContext.Is(exchange.Resource, "students") && exchange.Request?["studentUniqueId"]?.ToString() is { } student)
            {
                if (exchange.IsClientError)
                    _refused[student] = exchange.Sequence;
                else if (exchange.Status is 200 or 201)
                    _refused.Remove(student);
                return;
            }
            var child = _refused.Count == 0 ? null : exchange.Request?["studentReference"]?["studentUniqueId"]?.ToString();
            if (child is not null && _refused.TryGetValue(child, out var parent))
            {
                Report(exchange.Resource, Rule,
                    $"{exchange.Resource} for student {child} was sent after WISEdata refused the student (journal {parent}) and before the student was accepted.",
                    parent, exchange.Sequence);
            }
        }
    }
}
