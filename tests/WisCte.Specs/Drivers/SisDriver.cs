using WisCte.EdFi.Model;
using System.Text.Json.Nodes;
using WisCte.Dpi;
using WisCte.EdFi;
using WisCte.ReferenceSis;
using WisCte.ReferenceSis.Payloads;
using WisCte.Specs.Support;

namespace WisCte.Specs.Drivers;

/// <summary>
/// One scenario's reference SIS and what it has done: the student, the school year, the section enrolments, the last
/// answer (what a When step did, for the Then steps). Steps say what DPI asks for; this class and the drivers of each
/// area (<see cref="CteDriver"/>, <see cref="AttendanceDriver"/>, <see cref="CourseDriver"/>) know the JSON (through
/// <see cref="UseCasePayloads"/>) and HTTP.
/// </summary>
public sealed class SisDriver : IDisposable
{
    public SisDriver(SuiteTarget target, ScenarioExchanges exchanges)
    {
        ArgumentNullException.ThrowIfNull(target);
        Sis = new ReferenceSisScenario(target.Target, target.Ledger, exchanges, run: target.SisRun);
    }

    public ReferenceSisScenario Sis { get; }
    public SchoolYear Year { get; private set; } = new(2026);
    public string Student { get; private set; } = "";
    public long School { get; private set; }

    /// <summary>Section enrolments made in this scenario, by course title: the section and the enrolment's begin date.</summary>
    public Dictionary<string, (SectionRef Section, DateOnly BeginDate)> Sections { get; } = new(StringComparer.OrdinalIgnoreCase);

    public EdFiResponse? Last { get; private set; }

    public DateOnly YearBegins => new(Year.EndYear - 1, 8, 26);
    public DateOnly YearEnds => new(Year.EndYear, 6, 5);

    public async Task EnrolNewStudentAsync(string schoolName, string grade, SchoolYear year, string? enrollmentType = null, string? residency = null,
        IReadOnlyList<(string CountDate, string Service)>? receivingServices = null)
    {
        Year = year;
        School = await Sis.SchoolIdAsync(year, schoolName);
        Student = Sis.NewStudentId();
        Setup.Succeeded(await Sis.SubmitAsync(year, "students", UseCasePayloads.Student(Student, Sis.RunId), $"student {Student}"), $"the student {Student}");
        Setup.Succeeded(await EnrolAsync(School, grade, enrollmentType, residency, receivingServices), $"the enrolment of {Student} at {schoolName} ({School})");
    }

    /// <summary>An enrolment (studentSchoolAssociation) of the scenario's student at a school.</summary>
    public async Task<EdFiResponse> EnrolAsync(long school, string grade, string? enrollmentType = null, string? residency = null,
        IReadOnlyList<(string CountDate, string Service)>? receivingServices = null, DateOnly? entryDate = null)
    {
        var gradeDescriptor = await Sis.DescriptorAsync(Year, "GradeLevelDescriptor", grade);
        var type = enrollmentType is null ? null : await Sis.DescriptorAsync(Year, "EnrollmentTypeDescriptor", enrollmentType);
        var residencyStatus = residency is null ? null : await Sis.DescriptorAsync(Year, "ResidencyStatusDescriptor", residency);
        var services = new List<(string, string)>();
        foreach (var (countDate, service) in receivingServices ?? [])
            services.Add((await Sis.DescriptorAsync(Year, "CountDateNameDescriptor", countDate), await Sis.DescriptorAsync(Year, "CountDateReceivingServiceDescriptor", service)));
        var body = UseCasePayloads.SchoolEnrollment(Student, school, gradeDescriptor, entryDate ?? YearBegins, type, residencyStatus,
            residencyStatus is null ? null : SuiteTarget.Lea, services);
        return Remember(await Sis.SubmitAsync(Year, "studentSchoolAssociations", body, $"enrolment of {Student} at {school}"));
    }

    public async Task<EdFiResponse> EnrolInSectionAsync(string courseTitle, IReadOnlyList<ProgramRef> programs, DateOnly? beginDate = null,
        DateOnly? endDate = null, bool programsInExtension = false)
    {
        var section = Sections.TryGetValue(courseTitle, out var known) ? known.Section : await Sis.SectionAsync(Year, courseTitle, School);
        var begin = beginDate ?? YearBegins;
        Sections[courseTitle] = (section, begin);
        var body = UseCasePayloads.SectionEnrollment(Student, section, begin, endDate, Year, programs, programsInExtension: programsInExtension);
        return Remember(await Sis.SubmitAsync(Year, "studentSectionAssociations", body, $"section enrolment of {Student} in {section}"));
    }

    public Task<EdFiResponse> ReportCteAssociationAsync(JsonObject body) =>
        RememberAsync(Sis.SubmitAsync(Year, "studentCTEProgramAssociations", body, $"CTE association of {Student}"));

    public async Task<EdFiResponse> ReportGradeAsync(string courseTitle, string letter)
    {
        var (section, begin) = Sections[courseTitle];
        return Remember(await Sis.SubmitAsync(Year, "grades", UseCasePayloads.Grade(Student, section, begin, letter), $"grade of {Student} in {section}"));
    }

    public async Task<EdFiResponse> ReportCharacteristicAsync(string characteristic)
    {
        var descriptor = await Sis.DescriptorAsync(Year, "StudentCharacteristicDescriptor", characteristic);
        return Remember(await Sis.SubmitAsync(Year, "studentEducationOrganizationAssociations",
            UseCasePayloads.Characteristic(Student, SuiteTarget.Lea, descriptor), $"characteristics of {Student}"));
    }

    public async Task<EdFiResponse> ReportAbsenceAsync(DateOnly date, string category)
    {
        var descriptor = await Sis.DescriptorAsync(Year, "AttendanceEventCategoryDescriptor", category);
        return Remember(await Sis.SubmitAsync(Year, "studentSchoolAttendanceEvents",
            UseCasePayloads.AttendanceEvent(Student, School, Year.EndYear, SessionName, date, descriptor), $"absence of {Student} on {date}"));
    }

    /// <summary>The one record of a resource this student has (matching an extra query, if given).</summary>
    public async Task<JsonObject> OneAsync(string resource, string? query = null)
    {
        var items = await AllAsync(resource, query);
        return items.Count == 1 ? items[0] : throw new InvalidOperationException($"Expected one {resource} record of {Student}, found {items.Count}.");
    }

    public async Task<int> CountAsync(string resource, string? query = null) => (await AllAsync(resource, query)).Count;

    /// <summary>The id of the last record this scenario deleted.</summary>
    public string? LastDeletedId { get; private set; }

    public async Task<EdFiResponse> DeleteAsync(string resource, string id)
    {
        LastDeletedId = id;
        return Remember(await Sis.DeleteAsync(Year, resource, id));
    }

    public async Task<EdFiResponse> PutAsync(string resource, string id, JsonObject body) => Remember(await Sis.For(Year).PutAsync(resource, id, body));

    public Task<IReadOnlyList<JsonObject>> ValidateAsync() => Sis.ValidateAsync(Year, Student);

    /// <summary>Runs the L2 validations and reads every result of one rule.</summary>
    public Task<IReadOnlyList<JsonObject>> ValidateAsync(string code) => Sis.ValidationResultsAsync(Year, "code=" + Uri.EscapeDataString(code));

    /// <summary>A course offering of one of DPI's courses (by roster code) at the scenario's school, named uniquely for the scenario.</summary>
    public async Task<EdFiResponse> OfferCourseAsync(string courseCode)
    {
        var localCode = $"{courseCode}-{Student}";
        var body = UseCasePayloads.CourseOffering(localCode, courseCode, SuiteTarget.Lea, School, Year);
        LastOffering = localCode;
        return Remember(await Sis.SubmitAsync(Year, "courseOfferings", body, $"offering {localCode}"));
    }

    /// <summary>The local course code of the last offering this scenario made.</summary>
    public string? LastOffering { get; private set; }

    public string SessionName => UseCasePayloads.SessionName(Year);

    public EdFiResponse Remember(EdFiResponse response) => Last = response;

    private async Task<EdFiResponse> RememberAsync(Task<EdFiResponse> response) => Remember(await response);

    /// <summary>Every record of a resource this student has.</summary>
    public async Task<IReadOnlyList<JsonObject>> AllAsync(string resource, string? query = null)
    {
        var response = await Sis.For(Year).GetAsync(resource, $"studentUniqueId={Uri.EscapeDataString(Student)}" + (query is null ? "" : "&" + query));
        return response.Json is JsonArray items ? [.. items.OfType<JsonObject>()] : throw new InvalidOperationException($"GET {resource} failed: {response}");
    }

    /// <summary>Deletes the student's one record of a resource in a section enrolled in this scenario (its enrolment, its grade).</summary>
    public async Task<EdFiResponse> DeleteInSectionAsync(string resource, string courseTitle) =>
        await DeleteAsync(resource, IdOf(await OneAsync(resource, $"localCourseCode={Uri.EscapeDataString(Sections[courseTitle].Section.LocalCourseCode)}")));

    /// <summary>The codes of the L2 findings about the student.</summary>
    public async Task<IReadOnlyList<string>> FindingCodesAsync() => [.. (await ValidateAsync()).Select(r => r["ruleId"]!.GetValue<string>())];

    /// <summary>A date as the features write it.</summary>
    public static DateOnly Date(string text) => DateOnly.ParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A date as the API writes it.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The resource id of a record the API returned.</summary>
    public static string IdOf(JsonObject record) => record["id"]!.GetValue<string>();

    public void Dispose() => Sis.Dispose();
}
