using WisCte.EdFi.Model;
using System.Text.Json.Nodes;
using WisCte.Certification.UseCases;
using WisCte.Dpi;
using WisCte.Journal;

namespace WisCte.Certification;

/// <summary>The recorded traffic being judged, read once, with what several rules need.</summary>
public sealed class JudgementContext
{
    public JudgementContext(IEnumerable<JournalEntry> entries, IReadOnlyList<CertificationUseCase> useCases, SchoolYear defaultYear)
    {
        UseCases = useCases;
        Exchanges = [.. entries.OrderBy(e => e.Sequence).Select(e => new Exchange(e, defaultYear))];
        SchoolYears = [.. Exchanges.Where(e => e.IsData && e.Route.Year is not null).Select(e => e.Route.Year!.Value).Append(defaultYear).Distinct()];
    }

    /// <summary>The school years the journal's data requests used, and the judgement's default year.</summary>
    public IReadOnlyList<SchoolYear> SchoolYears { get; }

    public IReadOnlyList<CertificationUseCase> UseCases { get; }
    public IReadOnlyList<Exchange> Exchanges { get; }
    public SchemaCatalog Schema { get; } = SchemaCatalog.Embedded();

    /// <summary>What the SIS left in WISEdata: the journal's accepted writes reduced once (POST, PUT and DELETE).</summary>
    public FinalState FinalState => _finalState ??= FinalState.OverBaseline(Schema).ApplyAll(Exchanges);

    private FinalState? _finalState;

    /// <summary>The records of a resource the SIS wrote and left, in every school year the journal used (DPI's own baseline records aside).</summary>
    public IEnumerable<FinalRecord> Holds(string resource) =>
        SchoolYears.SelectMany(year => FinalState.Records(year, resource)).Where(r => r.Id is not null);

    /// <summary>POSTs and PUTs WISEdata accepted, in order.</summary>
    public IEnumerable<Exchange> AcceptedWrites(string resource) =>
        Exchanges.Where(e => e.Method is "POST" or "PUT" && e.Status is >= 200 and < 300 && Is(e.Resource, resource) && e.Request is not null);

    /// <summary>POSTs WISEdata accepted, in order.</summary>
    public IEnumerable<Exchange> AcceptedPosts(string resource) =>
        Exchanges.Where(e => e.Method == "POST" && e.Status is 200 or 201 && Is(e.Resource, resource) && e.Request is not null);

    public IEnumerable<Exchange> AcceptedDeletes(string resource) =>
        Exchanges.Where(e => e.Method == "DELETE" && e.Status == 204 && Is(e.Resource, resource));

    /// <summary>The journal sequence of the last accepted POST or PUT that wrote a record the SIS left (by school year and natural key).</summary>
    public long? LastWriteOf(SchoolYear year, FinalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_lastWrites.TryGetValue(record.Resource, out var writes))
        {
            writes = [];
            foreach (var exchange in AcceptedWrites(record.Resource))
            {
                if (KeyOf(record.Resource, exchange.Request!) is { } key)
                    writes[(exchange.Route.Year?.EndYear, key)] = exchange.Sequence;
            }
            _lastWrites[record.Resource] = writes;
        }
        return writes.TryGetValue((year.EndYear, record.Key), out var sequence) ? sequence : null;
    }

    private readonly Dictionary<string, Dictionary<(int?, string), long>> _lastWrites = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The natural key of a POST body, or null when the resource is unknown.</summary>
    public string? KeyOf(string resource, JsonObject body) =>
        Schema.Find(resource) is { } schema ? NaturalKey.Of(schema, BodyBinder.Bind(schema.Root, body).Document) : null;

    /// <summary>The use cases a finding about a resource belongs to: those that use the resource, or all of them.</summary>
    public IReadOnlyList<string> UseCasesFor(string? resource)
    {
        var matching = UseCases.Where(u => resource is not null && u.Resources.Contains(resource, StringComparer.OrdinalIgnoreCase)).Select(u => u.Id).ToList();
        return matching.Count > 0 ? matching : [.. UseCases.Select(u => u.Id)];
    }

    public static bool Is(string? resource, string name) => string.Equals(resource, name, StringComparison.OrdinalIgnoreCase);
}
