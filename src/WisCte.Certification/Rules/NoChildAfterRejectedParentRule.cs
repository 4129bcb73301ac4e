namespace WisCte.Certification.Rules;

/// <summary>After WISEdata refuses a student, the SIS sends nothing that hangs off that student until the student is accepted.</summary>
public sealed class NoChildAfterRejectedParentRule : ICertificationRule
{
    private static RuleEntry Rule => RuleCatalog.NoChildAfterRejectedParent;

    public IReadOnlyList<RuleEntry> Entries => [Rule];

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var refused = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var exchange in context.Exchanges.Where(e => e.IsData && e.Method == "POST"))
        {
            if (JudgementContext.Is(exchange.Resource, "students") && exchange.Request?["studentUniqueId"]?.ToString() is { } student)
            {
                if (exchange.IsClientError)
                    refused[student] = exchange.Sequence;
                else if (exchange.Status is 200 or 201)
                    refused.Remove(student);
                continue;
            }
            var child = exchange.Request?["studentReference"]?["studentUniqueId"]?.ToString();
            if (child is not null && refused.TryGetValue(child, out var parent))
            {
                foreach (var finding in context.For(exchange.Resource, Rule,
                             $"{exchange.Resource} for student {child} was sent after WISEdata refused the student (journal {parent}) and before the student was accepted.",
                             parent, exchange.Sequence))
                    yield return finding;
            }
        }
    }
}
