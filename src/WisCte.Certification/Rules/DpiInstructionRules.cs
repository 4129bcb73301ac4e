using System.Text.Json.Nodes;
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

    public string Id => "CERT-15.1-NEGATIVE-ONLY";

    public string Why => "DPI 15.1: only the exceptions to being in attendance are captured; 'positive' attendance is not.";

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var exchange in context.AcceptedWrites("studentSchoolAttendanceEvents"))
        {
            var category = JsonPath.Get(exchange.Request, "$.attendanceEventCategoryDescriptor") is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            if (category?.Split('#')[^1].Equals(InAttendance, StringComparison.OrdinalIgnoreCase) != true)
                continue;
            foreach (var f in context.For(exchange.Resource, Id, $"{exchange.Method} studentSchoolAttendanceEvents reported a day in attendance ({category}): DPI captures only absences and other exceptions (use case 15.1).", exchange.Sequence))
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

    public string Id => "CERT-11.0-NO-STATUS-ON-GRADES";

    public string Why => "DPI 11.0/12.0: certificated program status is not submitted on /grades from 2021-22; it goes on /studentCTEProgramAssociations.";

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var exchange in context.AcceptedWrites("grades").Where(e => e.Route.Year is { } year && year.EndYear >= From.EndYear))
        {
            if (JsonPath.Get(exchange.Request, "$._ext.WI.certificatedProgramStatusDescriptor") is not JsonValue status)
                continue;
            foreach (var f in context.For(exchange.Resource, Id, $"{exchange.Method} grades carried a certificated program status ({status}) in {exchange.Route.Year}: from 2021-22 DPI takes it on /studentCTEProgramAssociations only (use cases 11.0, 12.0).", exchange.Sequence))
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

    public string Id => "CERT-SECTION-PROGRAMS-BEFORE-2526";

    public string Why => "DPI data properties 18.0/19.0: section program participation moved to core starting 2025-26; before that DPI reads it in _ext.WI.programs.";

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var exchange in context.AcceptedWrites("studentSectionAssociations").Where(e => e.Route.Year is { } year && year.EndYear < CoreFrom.EndYear))
        {
            if (JsonPath.Get(exchange.Request, "$.programs") is not JsonArray { Count: > 0 })
                continue;
            foreach (var f in context.For(exchange.Resource, Id, $"{exchange.Method} studentSectionAssociations sent its programs in core programs[] in {exchange.Route.Year}: until 2025-26 DPI reads them in _ext.WI.programs, so this participation is not counted.", exchange.Sequence))
                yield return f;
        }
    }
}
