using System.Text.Json.Nodes;
using WisCte.Dpi.Rules;
using WisCte.Dpi.Validation;
using WisCte.EdFi.Model;

namespace WisCte.Certification.Rules;

/// <summary>
/// DPI 15.1: "SIS/LEAs should only report negative attendance … Note: 'positive' attendance is not captured, and only
/// the exceptions to being in attendance are captured". WISEdata accepts Ed-Fi's <c>In Attendance</c> category, so no
/// push-time rule stops it: the judgement does. Error: the page says only exceptions are captured.
/// </summary>
public sealed class NegativeAttendanceOnlyRule : ICertificationRule
{
    private const string InAttendance = "In Attendance";

    private static RuleEntry Rule => RuleCatalog.NegativeAttendanceOnly;

    public IReadOnlyList<RuleEntry> Entries => [Rule];

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var exchange in context.AcceptedWrites("studentSchoolAttendanceEvents"))
        {
            var category = JsonPath.Get(exchange.Request, "$.attendanceEventCategoryDescriptor") is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            if (category?.Split('#')[^1].Equals(InAttendance, StringComparison.OrdinalIgnoreCase) != true)
                continue;
            foreach (var f in context.For(exchange.Resource, Rule, $"{exchange.Method} studentSchoolAttendanceEvents reported a day in attendance ({category}): DPI captures only absences and other exceptions (use case 15.1).", exchange.Sequence))
                yield return f;
        }
    }
}

/// <summary>
/// DPI 11.0 and 12.0: "Note: Do not submit certificated program status for Certified program on /grades from 21-22SY".
/// WISEdata's grade extension still has the member, so a grade carrying it is accepted: the judgement flags it.
/// </summary>
public sealed class NoStatusOnGradesRule : ICertificationRule
{
    private static readonly SchoolYear From = new(2022);

    private static RuleEntry Rule => RuleCatalog.NoStatusOnGrades;

    public IReadOnlyList<RuleEntry> Entries => [Rule];

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var exchange in context.AcceptedWrites("grades").Where(e => e.Route.Year is { } year && year.EndYear >= From.EndYear))
        {
            if (JsonPath.Get(exchange.Request, "$._ext.WI.certificatedProgramStatusDescriptor") is not JsonValue status)
                continue;
            foreach (var f in context.For(exchange.Resource, Rule, $"{exchange.Method} grades carried a certificated program status ({status}) in {exchange.Route.Year}: from 2021-22 DPI takes it on /studentCTEProgramAssociations only (use cases 11.0, 12.0).", exchange.Sequence))
                yield return f;
        }
    }
}

/// <summary>
/// DPI's data properties 18.0 and 19.0: a section's programName and programTypeDescriptor "moved to core starting
/// 2025-26". Before 2025-26 DPI reads them in its extension (<c>_ext.WI.programs</c>); sent in core <c>programs</c>
/// they are accepted by the Data Standard and never read by DPI. (From 2025-26 the other direction is refused at push,
/// WI-L1-2526-SECTION-PROGRAMS.)
/// </summary>
public sealed class SectionProgramsBefore2526Rule : ICertificationRule
{
    private static readonly SchoolYear CoreFrom = new(2026);

    private static RuleEntry Rule => RuleCatalog.SectionProgramsBefore2526;

    public IReadOnlyList<RuleEntry> Entries => [Rule];

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var exchange in context.AcceptedWrites("studentSectionAssociations").Where(e => e.Route.Year is { } year && year.EndYear < CoreFrom.EndYear))
        {
            if (JsonPath.Get(exchange.Request, "$.programs") is not JsonArray { Count: > 0 })
                continue;
            foreach (var f in context.For(exchange.Resource, Rule, $"{exchange.Method} studentSectionAssociations sent its programs in core programs[] in {exchange.Route.Year}: until 2025-26 DPI reads them in _ext.WI.programs, so this participation is not counted.", exchange.Sequence))
                yield return f;
        }
    }
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

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var year in context.SchoolYears)
        {
            var enrolments = context.FinalState.Records(year, "studentSchoolAssociations")
                .ToLookup(r => Roster.Student(r.Body) ?? "", r => (School: Roster.Text(Roster.Child(r.Body, "schoolReference"), "schoolId"), Type: Roster.Text(r.Body, "enrollmentTypeDescriptor").CodeValue()), StringComparer.Ordinal);
            foreach (var association in context.FinalState.Records(year, ProgramReferences.StudentCteProgramAssociations).Where(r => r.Id is not null))
            {
                if (ProgramReferences.Text(ProgramReferences.Extension(association.Body), "certificatedProgramStatusDescriptor") is not { } status)
                    continue;
                var student = Roster.Student(association.Body) ?? "";
                var organization = Roster.Text(Roster.Child(association.Body, "educationOrganizationReference"), "educationOrganizationId");
                var here = enrolments[student].Where(e => e.School == organization).ToList();
                if (here.Count == 0 || !here.All(e => e.Type is "C"))
                    continue;
                if (enrolments[student].FirstOrDefault(e => e.School != organization && e.Type is "P" or "M") is not { School: { } primary })
                    continue;
                var write = context.LastWriteOf(year, association);
                foreach (var f in context.For(association.Resource, Rule,
                    $"Student {student}'s certificated program status ({status}) is on the CTE association at school {organization}, where the student's enrolment is Coursework; DPI assigns it to the primary enrolment (school {primary}) (use cases 1.0, 2.0).",
                    write is { } w ? [w] : []))
                    yield return f;
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

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var completed = new Dictionary<(int?, string), Exchange>();
        foreach (var exchange in context.AcceptedWrites(ProgramReferences.StudentCteProgramAssociations))
        {
            if (context.KeyOf(exchange.Resource!, exchange.Request!) is not { } key)
                continue;
            var status = ProgramReferences.Text(ProgramReferences.Extension(exchange.Request!), "certificatedProgramStatusDescriptor");
            var record = (exchange.Route.Year?.EndYear, key);
            switch (status.CodeValue())
            {
                case "A" or "D":
                    completed[record] = exchange;
                    break;
                case "B" or "C" when completed.Remove(record, out var earlier):
                    foreach (var f in context.For(exchange.Resource, Rule,
                        $"{exchange.Method} studentCTEProgramAssociations lowered a completed status ({ProgramReferences.Text(ProgramReferences.Extension(earlier.Request!), "certificatedProgramStatusDescriptor")}, journal {earlier.Sequence}) to {status}: DPI asks for the best, most accurate status (use cases 5.0, 11.0).",
                        earlier.Sequence, exchange.Sequence))
                        yield return f;
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
