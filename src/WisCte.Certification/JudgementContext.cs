using WisCte.EdFi.Model;
using WisCte.Certification.UseCases;
using WisCte.Dpi;
using WisCte.Journal;

namespace WisCte.Certification;

/// <summary>
/// The recorded traffic being judged. The judgement reads the journal once, forward (<see cref="Observe"/>), keeping
/// what several rules need: what the SIS left (<see cref="FinalState"/>, which also knows where each record was first
/// and last written) and the school years used. Nothing holds the exchanges themselves, so memory grows with the records left, not with
/// the requests. <see cref="Exchanges"/> reads the journal again, for an explanation only a failed check needs.
/// </summary>
public sealed class JudgementContext
{
    private readonly IEnumerable<JournalEntry> _journal;
    private readonly SchoolYear _defaultYear;
    private readonly HashSet<SchoolYear> _years;

    /// <param name="journal">The journal in sequence order; enumerated once by the judgement, again only by <see cref="Exchanges"/>.</param>
    public JudgementContext(IEnumerable<JournalEntry> journal, IReadOnlyList<CertificationUseCase> useCases, SchoolYear defaultYear)
    {
        _journal = journal;
        _defaultYear = defaultYear;
        _years = [defaultYear];
        UseCases = useCases;
        FinalState = FinalState.OverBaseline(Schema);
    }

    /// <summary>The school years the journal's data requests used, and the judgement's default year (complete once the journal is read).</summary>
    public IReadOnlyList<SchoolYear> SchoolYears => [.. _years.Order()];

    public IReadOnlyList<CertificationUseCase> UseCases { get; }

    /// <summary>How many entries were read.</summary>
    public int Count { get; private set; }

    public SchemaCatalog Schema { get; } = SchemaCatalog.Embedded();

    /// <summary>What the SIS left in WISEdata: the journal's accepted writes (POST, PUT and DELETE) laid over the baseline, as they are read.</summary>
    public FinalState FinalState { get; }

    /// <summary>The journal read again, in order: O(journal) a call, so for what a failed check explains, never per entry.</summary>
    public IEnumerable<Exchange> Exchanges => _journal.Select(e => new Exchange(e, _defaultYear));

    /// <summary>One exchange of the judgement's single pass: what the SIS left and the facts several rules share.</summary>
    internal void Observe(Exchange exchange)
    {
        Count++;
        if (exchange.IsData && exchange.Route.Year is { } year)
            _years.Add(year);
        FinalState.Apply(exchange);
    }

    /// <summary>The records of a resource the SIS wrote and left, in every school year the journal used (DPI's own baseline records aside).</summary>
    public IEnumerable<FinalRecord> Holds(string resource) =>
        SchoolYears.SelectMany(year => FinalState.Records(year, resource)).Where(r => r.Id is not null);

    /// <summary>POSTs and PUTs WISEdata accepted, in order (the journal read again).</summary>
    public IEnumerable<Exchange> AcceptedWrites(string resource) => Exchanges.Where(e => e.IsAcceptedWrite && Is(e.Resource, resource));

    /// <summary>POSTs WISEdata accepted, in order (the journal read again).</summary>
    public IEnumerable<Exchange> AcceptedPosts(string resource) =>
        Exchanges.Where(e => e.Method == "POST" && e.Status is 200 or 201 && Is(e.Resource, resource) && e.Request is not null);

    /// <summary>DELETEs WISEdata accepted, in order (the journal read again).</summary>
    public IEnumerable<Exchange> AcceptedDeletes(string resource) =>
        Exchanges.Where(e => e.Method == "DELETE" && e.Status == 204 && Is(e.Resource, resource));

    /// <summary>The natural key of a write's body (bound once per exchange), or null when the resource is unknown or there is no body.</summary>
    public string? KeyOf(Exchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return exchange.KeyOf(Schema);
    }

    /// <summary>The use cases a finding about a resource belongs to: those that use the resource, or all of them.</summary>
    public IReadOnlyList<string> UseCasesFor(string? resource)
    {
        var matching = UseCases.Where(u => resource is not null && u.Resources.Contains(resource, StringComparer.OrdinalIgnoreCase)).Select(u => u.Id).ToList();
        return matching.Count > 0 ? matching : [.. UseCases.Select(u => u.Id)];
    }

    public static bool Is(string? resource, string name) => string.Equals(resource, name, StringComparison.OrdinalIgnoreCase);
}
