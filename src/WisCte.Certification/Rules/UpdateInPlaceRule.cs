namespace WisCte.Certification.Rules;

/// <summary>
/// Changes are made in place (POST upsert or PUT), not by deleting a record and posting it again with the same
/// identity; DPI asks for delete and re-create only where the identity itself changes (15.2 attendance dates, sessions).
/// </summary>
public sealed class UpdateInPlaceRule : ICertificationRule
{
    private static readonly string[] DeleteAndRecreate = ["studentSchoolAttendanceEvents", "sessions"];

    private static RuleEntry Rule => RuleCatalog.UpdateInPlace;

    public IReadOnlyList<RuleEntry> Entries => [Rule];

    public RuleJudge Start(JudgementContext context) => new Judge(context);

    /// <summary>Holds the keys deleted and not yet posted again (which record a DELETE removed, the final state says).</summary>
    private sealed class Judge(JudgementContext context) : RuleJudge(context)
    {
        private readonly Dictionary<(string, string), long> _deleted = [];

        public override void Observe(Exchange exchange)
        {
            if (!exchange.IsData || exchange.Resource is not { } resource)
                return;
            if (exchange.Method == "POST" && exchange.Status is 200 or 201 && exchange.Request is not null && Context.KeyOf(exchange) is { } key)
            {
                if (_deleted.Remove((resource.ToUpperInvariant(), key), out var deletion) && !DeleteAndRecreate.Contains(resource, StringComparer.OrdinalIgnoreCase))
                {
                    Report(resource, Rule, $"{resource} was changed by DELETE (journal {deletion}) then POST of the same record: update it in place with POST or PUT.", deletion, exchange.Sequence);
                }
            }
            else if (exchange.Method == "DELETE" && exchange.Status == 204 && Context.FinalState.RemovedBy(exchange) is { } removed)
            {
                _deleted[(removed.Resource.ToUpperInvariant(), removed.Key)] = exchange.Sequence;
            }
        }
    }
}
