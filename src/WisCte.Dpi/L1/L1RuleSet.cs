using WisCte.Dpi.DataProperties;
using WisCte.Dpi.Programs;

namespace WisCte.Dpi.L1;

/// <summary>A DPI rule enforced when data is pushed (L1): breaking it refuses the record with a 400.</summary>
public interface IL1Rule
{
    /// <summary>The harness's code for the rule (WI-L1-…): DPI's own L1 message texts are not public.</summary>
    string Id { get; }

    /// <summary>The line of DPI's page (or other DPI source) the rule comes from.</summary>
    string Source { get; }

    IEnumerable<RuleViolation> Check(L1Request request);
}

/// <summary>DPI's L1 rules for CTE data, each in its own class with the line of DPI's page it comes from.</summary>
public sealed class L1RuleSet(IReadOnlyList<IL1Rule> rules)
{
    /// <summary>
    /// Applied by the descriptor check itself (the descriptor catalog knows each value's school years):
    /// a descriptor must exist in its namespace for the school year of the request.
    /// </summary>
    public const string DescriptorYearRule = "WI-L1-DESCRIPTOR-YEAR";

    public static L1RuleSet Dpi { get; } = new([
        new ProgramNameForYearRule(CteProgramCatalog.Dpi),
        new CteServicesFrom2526Rule(),
        new SectionProgramsInCoreFrom2526Rule(),
        new PublicRequiredPropertiesRule(DataPropertyTable.Dpi),
        new NoCteFromChoiceSchoolRule(),
    ]);

    public IReadOnlyList<IL1Rule> Rules { get; } = rules;

    public IReadOnlyList<RuleViolation> Check(L1Request request) => [.. Rules.SelectMany(r => r.Check(request))];
}
