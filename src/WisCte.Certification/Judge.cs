using WisCte.EdFi.Model;
using WisCte.Certification.Rules;
using WisCte.Certification.UseCases;
using WisCte.Dpi;
using WisCte.Dpi.Waivers;
using WisCte.Journal;

namespace WisCte.Certification;

/// <summary>Judges a SIS's recorded traffic: the use cases' expectations and the behaviour rules, per use case.</summary>
public static class Judge
{
    /// <summary>The pseudo use case of a judgement made without naming use cases: behaviour rules only.</summary>
    public static readonly CertificationUseCase BehaviourOnly = new("behaviour", "How the SIS behaves on the wire (no use case named)", [], [], []);

    public static IReadOnlyList<ICertificationRule> Rules { get; } =
    [
        new RefusedRequestRule(),
        new NoChildAfterRejectedParentRule(),
        new UpdateInPlaceRule(),
        new BackOffRule(),
        new NoResendAfterRefusalRule(),
        new TokenReuseRule(),
        new RenewAfterUnauthorizedRule(),
        new NegativeAttendanceOnlyRule(),
        new NoStatusOnGradesRule(),
        new SectionProgramsBefore2526Rule(),
        new StatusOnPrimaryEnrolmentRule(),
        new StatusDowngradeRule(),
    ];

    /// <summary>The LEA a certified SIS's key is issued for.</summary>
    public const long CertifiedLea = WisCte.Dpi.Baseline.DpiBaseline.Lea;

    /// <summary>
    /// Judges a journal: read once, forward, each exchange handed to every rule's judge and laid on what the SIS left;
    /// then the rules conclude, DPI's L2 rules run on what was left, and each use case's expectations are checked.
    /// A journal out of sequence order (a merge of recordings) is sorted first, which holds it whole.
    /// </summary>
    public static Verdict Run(IEnumerable<JournalEntry> journal, IReadOnlyList<CertificationUseCase> useCases, SchoolYear defaultYear, bool runL2 = true)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(useCases);
        var selected = useCases.Count == 0 ? [BehaviourOnly] : useCases;
        var context = ReadOnce(journal, selected, defaultYear, out var judges)
                      ?? ReadOnce(journal.OrderBy(e => e.Sequence).ToList(), selected, defaultYear, out judges)!;
        var findings = judges.SelectMany(j => j.Finish()).ToList();
        if (runL2 && useCases.Count > 0)
        {
            // DPI's L2 checks on what the SIS stored: errors fail the use case, warnings are reported.
            foreach (var result in JournalValidation.Validate(context.FinalState, context.SchoolYears, CertifiedLea).Where(r => r.Severity != WisCte.Dpi.L2.Severity.Info))
            {
                findings.AddRange(context.UseCasesFor(result.Resource).Select(u => new Finding(
                    u, result.Code, result.Severity == WisCte.Dpi.L2.Severity.Error ? FindingSeverity.Error : FindingSeverity.Warning,
                    JournalValidation.Describe(result), [])));
            }
        }
        foreach (var useCase in selected)
        {
            foreach (var expectation in useCase.Expectations)
                findings.AddRange(expectation.Check(context).Select(m => new Finding(useCase.Id, expectation.RuleId, RuleCatalog.Get(expectation.RuleId).Severity, m.Message, m.Entries)));
        }

        var verdicts = selected.Select(u =>
        {
            var own = findings.Where(f => f.UseCaseId == u.Id).OrderBy(f => f.JournalEntries.DefaultIfEmpty(long.MaxValue).Min()).ToList();
            return new UseCaseVerdict(u.Id, u.Title, !own.Any(f => f.Fails), own);
        }).ToList();
        return new Verdict(defaultYear.EndYear, context.Count, verdicts);
    }

    /// <summary>The verdict with DPI's accepted exceptions applied: each waived finding is kept, marked with its waiver, and fails nothing.</summary>
    public static Verdict Waive(Verdict verdict, WaiverFile waivers)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(waivers);
        return verdict with
        {
            UseCases = [.. verdict.UseCases.Select(u =>
            {
                var findings = u.Findings.Select(f => waivers.For(f.RuleId, f.UseCaseId) is { } waiver ? f with { Waiver = waiver } : f).ToList();
                return u with { Passed = !findings.Any(f => f.Fails), Findings = findings };
            })],
        };
    }

    /// <summary>Whether a rule id is one a verdict may carry (certification's catalogue, DPI's L1 and L2 rules): what a waiver may name.</summary>
    public static bool IsKnownRule(string ruleId) =>
        RuleCatalog.Find(ruleId) is not null
        || WisCte.Dpi.L1.L1RuleSet.Dpi.Rules.Any(r => r.Id.Equals(ruleId, StringComparison.OrdinalIgnoreCase))
        || WisCte.Dpi.L2.L2RuleSet.Dpi.Rules.Any(r => r.Code.Equals(ruleId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The single pass; null when an entry comes before one it follows (the journal needs sorting).</summary>
    private static JudgementContext? ReadOnce(IEnumerable<JournalEntry> journal, IReadOnlyList<CertificationUseCase> useCases, SchoolYear defaultYear, out List<RuleJudge> judges)
    {
        var context = new JudgementContext(journal, useCases, defaultYear);
        judges = [.. Rules.Select(r => r.Start(context))];
        var last = long.MinValue;
        foreach (var exchange in ExchangePipeline.Read(journal, defaultYear, context.Schema))
        {
            if (exchange.Sequence < last)
                return null;
            last = exchange.Sequence;
            context.Observe(exchange);
            foreach (var judge in judges)
                judge.Observe(exchange);
        }
        return context;
    }
}

public sealed record UseCaseVerdict(string Id, string Title, bool Passed, IReadOnlyList<Finding> Findings);

public sealed record Verdict(int SchoolYear, int JournalEntries, IReadOnlyList<UseCaseVerdict> UseCases)
{
    public bool Passed => UseCases.All(u => u.Passed);

    public IEnumerable<Finding> Findings => UseCases.SelectMany(u => u.Findings);
}
