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

    /// <summary>Holds the key of each id a POST gave, and the keys deleted and not yet posted again.</summary>
    private sealed class Judge(JudgementContext context) : RuleJudge(context)
    {
        // By the id's GUID (16 bytes, not a string a record: a district has a million ids); an id that is no GUID by its text.
        private readonly Dictionary<Guid, (string Resource, string Key)> _keyOfGuid = [];
        private readonly Dictionary<string, (string Resource, string Key)> _keyOfId = new(StringComparer.OrdinalIgnoreCase);
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
                if (exchange.LocationId is { } id)
                {
                    var record = (Context.Schema.Find(resource)?.Endpoint ?? resource, key);
                    if (Guid.TryParse(id, out var guid))
                        _keyOfGuid[guid] = record;
                    else
                        _keyOfId[id] = record;
                }
            }
            else if (exchange.Method == "DELETE" && exchange.Status == 204 && exchange.Id is { } id
                     && (Guid.TryParse(id, out var guid) ? _keyOfGuid.TryGetValue(guid, out var known) : _keyOfId.TryGetValue(id, out known)))
            {
                _deleted[(known.Resource.ToUpperInvariant(), known.Key)] = exchange.Sequence;
            }
        }
    }
}
