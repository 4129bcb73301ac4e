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

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var keyOfId = new Dictionary<string, (string Resource, string Key)>(StringComparer.OrdinalIgnoreCase);
        var deleted = new Dictionary<(string, string), long>();
        foreach (var exchange in context.Exchanges.Where(e => e.IsData && e.Resource is not null))
        {
            var resource = exchange.Resource!;
            if (exchange.Method == "POST" && exchange.Status is 200 or 201 && exchange.Request is { } body && context.KeyOf(resource, body) is { } key)
            {
                if (deleted.Remove((resource.ToUpperInvariant(), key), out var deletion) && !DeleteAndRecreate.Contains(resource, StringComparer.OrdinalIgnoreCase))
                {
                    foreach (var finding in context.For(resource, Rule,
                                 $"{resource} was changed by DELETE (journal {deletion}) then POST of the same record: update it in place with POST or PUT.",
                                 deletion, exchange.Sequence))
                        yield return finding;
                }
                if (exchange.LocationId is { } id)
                    keyOfId[id] = (resource, key);
            }
            else if (exchange.Method == "DELETE" && exchange.Status == 204 && exchange.Id is { } id && keyOfId.TryGetValue(id, out var known))
            {
                deleted[(known.Resource.ToUpperInvariant(), known.Key)] = exchange.Sequence;
            }
        }
    }
}
