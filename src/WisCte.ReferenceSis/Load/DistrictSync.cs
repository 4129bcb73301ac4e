using System.Globalization;
using System.Text.Json.Nodes;
using WisCte.EdFi.Model;
using WisCte.ReferenceSis.Payloads;

namespace WisCte.ReferenceSis.Load;

/// <summary>What a district-size sync sends per student, beyond the student, school enrolment and characteristics.</summary>
/// <param name="Sections">Section enrolments per student (0–5); the first carries DPI's IRC program.</param>
/// <param name="Cte">A CTE program association (IRC, status B) per student.</param>
/// <param name="Grades">A final grade for each section enrolment.</param>
/// <param name="Attendance">Excused absences per student (0–100), on distinct school days.</param>
public sealed record DistrictMix(int Sections = 1, bool Cte = true, bool Grades = false, int Attendance = 0)
{
    public const int MaxSections = 5;
    public const int MaxAttendance = 100;

    /// <summary>Requests a student costs: student, school enrolment, characteristics, then the mix.</summary>
    public int RequestsPerStudent => 3 + Sections + (Cte ? 1 : 0) + (Grades ? Sections : 0) + Attendance;

    /// <summary>Null when the mix is one a sync can send, else what is wrong with it.</summary>
    public string? Problem() =>
        Sections is < 0 or > MaxSections ? $"sections per student must be 0 to {MaxSections}, not {Sections.ToString(CultureInfo.InvariantCulture)}."
        : Attendance is < 0 or > MaxAttendance ? $"absences per student must be 0 to {MaxAttendance}, not {Attendance.ToString(CultureInfo.InvariantCulture)}."
        : null;
}

/// <summary>One request of a sync: a POST of a body to a resource.</summary>
public sealed record SyncRequest(string Resource, JsonObject Body);

/// <summary>
/// A correct district sync, as DPI documents the records: for each fictional student, the student, a school enrolment
/// at the baseline high school, the single-parent characteristic, section enrolments (the first with DPI's IRC program),
/// their grades, a CTE association and excused absences, parents before children. Only POSTs (Ed-Fi upserts): a sync
/// never deletes. The same student number always gives the same requests, so a replay sends the same records again.
/// </summary>
public sealed class DistrictSync(SchoolYear year, DistrictMix mix)
{
    private const long School = WisCte.Dpi.Baseline.DpiBaseline.HighSchool;
    private const long Lea = WisCte.Dpi.Baseline.DpiBaseline.Lea;
    private static readonly string[] Courses = ["CNA", "ENG9", "ALG1", "ACCT1", "WELD1"];
    private static readonly ProgramRef Irc = new("IRC", "IRC State Approved Business & Industry");

    public SchoolYear Year { get; } = year;

    public DistrictMix Mix { get; } = mix;

    public static string StudentId(int number) => "LD" + number.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>The requests for student <paramref name="number"/>, in the order a SIS sends them.</summary>
    public IEnumerable<SyncRequest> For(int number)
    {
        var student = StudentId(number);
        var begin = new DateOnly(Year.EndYear - 1, 8, 26);
        yield return new("students", UseCasePayloads.Student(student, "load"));
        yield return new("studentSchoolAssociations", UseCasePayloads.SchoolEnrollment(student, School, "uri://ed-fi.org/GradeLevelDescriptor#Eleventh grade", begin));
        yield return new("studentEducationOrganizationAssociations", UseCasePayloads.Characteristic(student, Lea, "uri://dpi.wi.gov/StudentCharacteristicDescriptor#Single Parent"));
        var sections = Courses.Take(Mix.Sections).Select(Section).ToList();
        for (var i = 0; i < sections.Count; i++)
            yield return new("studentSectionAssociations", UseCasePayloads.SectionEnrollment(student, sections[i], begin, null, Year, i == 0 ? [Irc] : []));
        if (Mix.Grades)
        {
            foreach (var section in sections)
                yield return new("grades", UseCasePayloads.Grade(student, section, begin, "B"));
        }
        if (Mix.Cte)
        {
            var pathway = UseCasePayloads.UsesCteProgramServices(Year) ? "uri://dpi.wi.gov/CteProgramServiceDescriptor#8" : "uri://dpi.wi.gov/CareerPathwayDescriptor#8";
            yield return new("studentCTEProgramAssociations", UseCasePayloads.CteAssociation(
                student, Irc, School, begin, new DateOnly(Year.EndYear, 6, 5), Year, "uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#B",
                ["uri://dpi.wi.gov/CteProgramAreaDescriptor#H"], pathway, "51.3902"));
        }
        var day = new DateOnly(Year.EndYear - 1, 10, 1);
        for (var i = 0; i < Mix.Attendance; i++, day = NextSchoolDay(day))
        {
            yield return new("studentSchoolAttendanceEvents", UseCasePayloads.AttendanceEvent(
                student, School, Year.EndYear, UseCasePayloads.SessionName(Year), day, "uri://ed-fi.org/AttendanceEventCategoryDescriptor#Excused Absence"));
        }
    }

    private SectionRef Section(string code) => new(code, School, Year.EndYear, $"{code}-01-{Year.EndYear}", UseCasePayloads.SessionName(Year));

    private static DateOnly NextSchoolDay(DateOnly day)
    {
        do
            day = day.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        return day;
    }
}
