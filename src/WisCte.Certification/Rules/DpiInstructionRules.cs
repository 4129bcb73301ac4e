using System.Text.Json.Nodes;
using WisCte.Dpi.L1;
using WisCte.Dpi.L2;
using WisCte.EdFi.Model;

namespace WisCte.Certification.Rules;

/// <summary>
/// A DPI instruction WISEdata does not enforce at push time, judged on each write it accepted of one resource, in the
/// school years the instruction applies to: one finding per write that breaks it.
/// </summary>
public abstract class AcceptedWriteRule : ICertificationRule
{
    public IReadOnlyList<RuleEntry> Entries => [Rule];

    protected abstract RuleEntry Rule { get; }

    protected abstract string Resource { get; }

    protected virtual bool AppliesIn(SchoolYear? year) => true;

    /// <summary>What is wrong with the write, said for the vendor's engineer; null when nothing is.</summary>
    protected abstract string? Problem(Exchange write);

    public RuleJudge Start(JudgementContext context) => new Judge(this, context);

    private sealed class Judge(AcceptedWriteRule rule, JudgementContext context) : RuleJudge(context)
    {
        public override void Observe(Exchange exchange)
        {
            if (exchange.IsAcceptedWrite && JudgementContext.Is(exchange.Resource, rule.Resource) && rule.AppliesIn(exchange.Route.Year) && rule.Problem(exchange) is { } problem)
                Report(exchange.Resource, rule.Rule, problem, exchange.Sequence);
        }
    }
}

/// <summary>
/// DPI 15.1: "SIS/LEAs should only report negative attendance … Note: 'positive' attendance is not captured, and only
/// the exceptions to being in attendance are captured". WISEdata accepts Ed-Fi's <c>In Attendance</c> category, so no
/// push-time rule stops it: the judgement does. Error: the page says only exceptions are captured.
/// </summary>
public sealed class NegativeAttendanceOnlyRule : AcceptedWriteRule
{
    private const string InAttendance = "In Attendance";

    protected override RuleEntry Rule => RuleCatalog.NegativeAttendanceOnly;

    protected override string Resource => "studentSchoolAttendanceEvents";

    protected override string? Problem(Exchange write)
    {
        var category = JsonPath.Get(write.Request, "$.attendanceEventCategoryDescriptor") is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
        return category?.Split('#')[^1].Equals(InAttendance, StringComparison.OrdinalIgnoreCase) == true
            ? $"{write.Method} studentSchoolAttendanceEvents reported a day in attendance ({category}): DPI captures only absences and other exceptions (use case 15.1)."
            : null;
    }
}

/// <summary>
/// DPI 11.0 and 12.0: "Note: Do not submit certificated program status for Certified program on /grades from 21-22SY".
/// WISEdata's grade extension still has the member, so a grade carrying it is accepted: the judgement flags it.
/// </summary>
public sealed class NoStatusOnGradesRule : AcceptedWriteRule
{
    private static readonly SchoolYear From = new(2022);

    protected override RuleEntry Rule => RuleCatalog.NoStatusOnGrades;

    protected override string Resource => "grades";

    protected override bool AppliesIn(SchoolYear? year) => year is { } y && y.EndYear >= From.EndYear;

    protected override string? Problem(Exchange write) =>
        JsonPath.Get(write.Request, "$._ext.WI.certificatedProgramStatusDescriptor") is JsonValue status
            ? $"{write.Method} grades carried a certificated program status ({status}) in {write.Route.Year}: from 2021-22 DPI takes it on /studentCTEProgramAssociations only (use cases 11.0, 12.0)."
            : null;
}

/// <summary>
/// DPI's data properties 18.0 and 19.0: a section's programName and programTypeDescriptor "moved to core starting
/// 2025-26". Before 2025-26 DPI reads them in its extension (<c>_ext.WI.programs</c>); sent in core <c>programs</c>
/// they are accepted by the Data Standard and never read by DPI. (From 2025-26 the other direction is refused at push,
/// WI-L1-2526-SECTION-PROGRAMS.)
/// </summary>
public sealed class SectionProgramsBefore2526Rule : AcceptedWriteRule
{
    private static readonly SchoolYear CoreFrom = new(2026);

    protected override RuleEntry Rule => RuleCatalog.SectionProgramsBefore2526;

    protected override string Resource => "studentSectionAssociations";

    protected override bool AppliesIn(SchoolYear? year) => year is { } y && y.EndYear < CoreFrom.EndYear;

    protected override string? Problem(Exchange write) =>
        JsonPath.Get(write.Request, "$.programs") is JsonArray { Count: > 0 }
            ? $"{write.Method} studentSectionAssociations sent its programs in core programs[] in {write.Route.Year}: until 2025-26 DPI reads them in _ext.WI.programs, so this participation is not counted."
            : null;
}

/// <summary>
/// DPI 1.0 and 2.0: "For students with Coursework enrollment type, the Certificated Program Status is assigned to the
/// primary enrollment." Judged on what the SIS left: a status on the CTE association of a school where every enrolment
/// of the student is Coursework, while the student has a primary enrolment (Primary or Membership) at another school.
/// A student with coursework enrolments only (home-schooled, private) has no primary enrolment to move it to.
/// </summary>
public sealed class StatusOnPrimaryEnrolmentRule : ICertificationRule
{
    private static RuleEntry Rule => RuleCatalog.StatusOnPrimaryEnrolment;

    public IReadOnlyList<RuleEntry> Entries => [Rule];

    public RuleJudge Start(JudgementContext context) => new Judge(context);

    /// <summary>Judged on what the SIS left, once the journal is read.</summary>
    private sealed class Judge(JudgementContext context) : RuleJudge(context)
    {
        protected override void Conclude()
        {
            foreach (var year in Context.SchoolYears)
            {
                var enrolments = Context.FinalState.Records(year, "studentSchoolAssociations")
                    .Select(r => r.Body)
                    .ToLookup(b => Roster.Student(b) ?? "", b => (School: Roster.Text(Roster.Child(b, "schoolReference"), "schoolId"), Type: Roster.Text(b, "enrollmentTypeDescriptor").CodeValue()), StringComparer.Ordinal);
                foreach (var association in Context.FinalState.Records(year, ProgramReferences.StudentCteProgramAssociations).Where(r => r.Id is not null))
                {
                    var body = association.Body;
                    if (ProgramReferences.Text(ProgramReferences.Extension(body), "certificatedProgramStatusDescriptor") is not { } status)
                        continue;
                    var student = Roster.Student(body) ?? "";
                    var organization = Roster.Text(Roster.Child(body, "educationOrganizationReference"), "educationOrganizationId");
                    var here = enrolments[student].Where(e => e.School == organization).ToList();
                    if (here.Count == 0 || !here.All(e => e.Type is "C"))
                        continue;
                    if (enrolments[student].FirstOrDefault(e => e.School != organization && e.Type is "P" or "M") is not { School: { } primary })
                        continue;
                    var write = association.LastWrite;
                    Report(association.Resource, Rule,
                        $"Student {student}'s certificated program status ({status}) is on the CTE association at school {organization}, where the student's enrolment is Coursework; DPI assigns it to the primary enrolment (school {primary}) (use cases 1.0, 2.0).",
                        write is { } w ? [w] : []);
                }
            }
        }
    }
}

/// <summary>
/// DPI 5.0: "The LEA is advised to submit the most accurate status"; 11.0: "LEA should submit the best status." A CTE
/// association's status once completed (A or D) and later overwritten, by the same record's key, with Continuing (B)
/// or Exited (C) is a downgrade. A warning: the SIS may be correcting an entry error. (In 5.0, 11.0 and 12.0 the use
/// case's own expectation fails on what is left.) One pass over the accepted writes.
/// </summary>
public sealed class StatusDowngradeRule : ICertificationRule
{
    private static RuleEntry Rule => RuleCatalog.StatusDowngrade;

    public IReadOnlyList<RuleEntry> Entries => [Rule];

    public RuleJudge Start(JudgementContext context) => new Judge(context);

    /// <summary>Holds, per record, the completed status last written and where.</summary>
    private sealed class Judge(JudgementContext context) : RuleJudge(context)
    {
        private readonly Dictionary<(int?, string), (long Sequence, string? Status)> _completed = [];

        public override void Observe(Exchange exchange)
        {
            if (!exchange.IsAcceptedWrite || !JudgementContext.Is(exchange.Resource, ProgramReferences.StudentCteProgramAssociations) || Context.KeyOf(exchange) is not { } key)
                return;
            var status = ProgramReferences.Text(ProgramReferences.Extension(exchange.Request!), "certificatedProgramStatusDescriptor");
            var record = (exchange.Route.Year?.EndYear, key);
            switch (status.CodeValue())
            {
                case "A" or "D":
                    _completed[record] = (exchange.Sequence, status);
                    break;
                case "B" or "C" when _completed.Remove(record, out var earlier):
                    Report(exchange.Resource, Rule,
                        $"{exchange.Method} studentCTEProgramAssociations lowered a completed status ({earlier.Status}, journal {earlier.Sequence}) to {status}: DPI asks for the best, most accurate status (use cases 5.0, 11.0).",
                        earlier.Sequence, exchange.Sequence);
                    break;
            }
        }
    }
}

internal static class DescriptorText
{
    /// <summary>The code value of a descriptor URI (after '#'), upper-cased; null for none.</summary>
    public static string? CodeValue(this string? descriptor) => ProgramReferences.Code(descriptor)?.ToUpperInvariant();
}
