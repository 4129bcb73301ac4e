using WisCte.EdFi.Model;
using FluentAssertions;
using Reqnroll;
using WisCte.Specs.Drivers;

namespace WisCte.Specs.Steps;

/// <summary>Enrolments (type, residency, count-date services) and negative attendance, in DPI's words.</summary>
[Binding]
public sealed class EnrolmentAndAttendanceSteps(SisDriver sis, AttendanceDriver attendance)
{
    [Given("a student enrolled at {string} in {string} for {word} with enrollment type {string} and residency {string}")]
    public Task GivenTypedEnrolment(string school, string grade, string schoolYear, string enrollmentType, string residency) =>
        sis.EnrolNewStudentAsync(school, grade, SchoolYear.Parse(schoolYear), enrollmentType, residency);

    [When("the SIS reports the student's enrolment at {string} in {string} with enrollment type {string} and residency {string}")]
    public async Task TypedEnrolment(string school, string grade, string enrollmentType, string residency) =>
        await sis.EnrolAsync(await sis.Sis.SchoolIdAsync(sis.Year, school), grade, enrollmentType, residency, entryDate: sis.YearBegins.AddDays(1));

    [When("the SIS reports the student's enrolment at {string} in {string} receiving services {string} on {string}")]
    public async Task EnrolmentWithReceivingService(string school, string grade, string service, string countDate) =>
        await sis.EnrolAsync(await sis.Sis.SchoolIdAsync(sis.Year, school), grade, receivingServices: [(countDate, service)], entryDate: sis.YearBegins.AddDays(7));

    [Given("the SIS has reported the student's absence on {word} as {string}")]
    public Task GivenAbsence(string date, string category) => Setup.Succeeds(attendance.ReportAbsenceAsync(SisDriver.Date(date), category), $"the absence on {date}");

    [When("the SIS reports the student's absence on {word} as {string}")]
    public Task Absence(string date, string category) => attendance.ReportAbsenceAsync(SisDriver.Date(date), category);

    [When("the SIS corrects the absence of {word} to {word} by deleting it and reporting it again")]
    public Task CorrectByDeleteAndCreate(string from, string to) => attendance.CorrectByDeleteAndCreateAsync(SisDriver.Date(from), SisDriver.Date(to));

    [When("the SIS changes the date of the absence of {word} to {word} in place")]
    public Task CorrectInPlace(string from, string to) => attendance.CorrectInPlaceAsync(SisDriver.Date(from), SisDriver.Date(to));

    [Then("WISEdata holds the student's absences on {string}")]
    public async Task HoldsAbsences(string dates) =>
        (await attendance.HeldDatesAsync()).Should().BeEquivalentTo(dates.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    [Then("WISEdata holds {int} enrolments of the student in the LEA")]
    public async Task HoldsEnrolments(int count) => (await sis.CountAsync("studentSchoolAssociations")).Should().Be(count);
}

/// <summary>DPI's courses and the LEA's offerings of them (use cases 18.x).</summary>
[Binding]
public sealed class CourseSteps(CourseDriver courses)
{
    [When("the SIS offers DPI's course {string} at the student's school")]
    public Task Offer(string courseCode) => courses.OfferAsync(courseCode);

    [When("the SIS reads DPI's courses")]
    public Task ReadCourses() => courses.ReadDpiCoursesAsync();

    [When("the SIS tries to create its own course {string} titled {string}")]
    public Task CreateCourse(string code, string title) => courses.CreateOwnCourseAsync(code, title);

    [Then("DPI's courses include {string} titled {string}, flagged {word}")]
    public void IncludesCourse(string code, string title, string flag) =>
        courses.Course(code).Should().BeEquivalentTo(new { Title = title, IsCte = flag.Equals("CTE", StringComparison.OrdinalIgnoreCase) }, "{0} should be flagged {1}", code, flag);

    [Then("DPI marks the course {string} {string}")]
    public void MarksCourse(string code, string marker) => courses.Course(code).Description.Should().Contain(marker);

    [Then("the L2 validation reports {string} for the SIS's offering")]
    public async Task L2ReportsOffering(string code) => (await courses.OfferingFindingsAsync(code)).Should().NotBeEmpty("a {0} finding should name the SIS's offering", code);

    [Then("the L2 validation reports no {string} for the SIS's offering")]
    public async Task L2ReportsNoOffering(string code) => (await courses.OfferingFindingsAsync(code)).Should().BeEmpty();
}
