using System.Globalization;
using WisCte.Dpi.L2;
using WisCte.EdFi.Model;

namespace WisCte.Certification;

/// <summary>
/// DPI's L2 rules over what a SIS left stored: the journal's accepted writes reduced to a <see cref="FinalState"/>
/// over WISEdata's reference data, and the rules run for the LEA on every school year the journal used. The same for a
/// live run, a proxied one (where the data lives elsewhere) and a journal judged offline.
/// </summary>
public static class JournalValidation
{
    /// <param name="journal">The journal as a judgement reads it (<see cref="JudgementContext.Exchanges"/>: in order).</param>
    public static IReadOnlyList<ValidationResult> Validate(IEnumerable<Exchange> journal, SchoolYear defaultYear, long localEducationAgencyId)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var entries = journal.ToList();
        var years = entries.Where(e => e.IsData && e.Route.Year is not null).Select(e => e.Route.Year!.Value).Append(defaultYear).Distinct().ToList();
        return Validate(FinalState.OverBaseline(SchemaCatalog.Embedded()).ApplyAll(entries), years, localEducationAgencyId);
    }

    /// <summary>The rules over a final state already reduced (a judgement reduces the journal once for every check).</summary>
    public static IReadOnlyList<ValidationResult> Validate(FinalState state, IEnumerable<SchoolYear> years, long localEducationAgencyId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. years.SelectMany(y => L2RuleSet.Dpi.Run(new L2Context(state.DataSet(y, localEducationAgencyId), localEducationAgencyId, y)))];
    }

    public static string Describe(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Create(CultureInfo.InvariantCulture, $"DPI's L2 validation {result.Code} ({result.Severity}) on {result.Resource}: {result.Message}");
    }
}
