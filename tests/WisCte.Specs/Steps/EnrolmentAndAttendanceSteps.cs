using WisCte.EdFi.Model;
using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;
using Reqnroll;
using WisCte.Dpi;
using WisCte.ReferenceSis.Payloads;
using WisCte.Specs.Drivers;

namespace WisCte.Specs.Steps;

/// <summary>Enrolments (type, residency, count-date services) and negative attendance, in DPI's words.</summary>
[Binding]
public sealed class EnrolmentAndAttendanceSteps(SisDriver sis)
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

    [When("the SIS reports the student's absence on {word} as {string}")]
    [Given("the SIS has reported the student's absence on {word} as {string}")]
    public Task Absence(string date, string category) => sis.ReportAbsenceAsync(Date(date), category);

    [When("the SIS corrects the absence of {word} to {word} by deleting it and reporting it again")]
    public async Task CorrectByDeleteAndCreate(string from, string to)
    {
        var absence = await sis.OneAsync("studentSchoolAttendanceEvents", $"eventDate={from}");
        SisDriver.Expect(await sis.DeleteAsync("studentSchoolAttendanceEvents", absence["id"]!.GetValue<string>()), $"DELETE the absence of {from}");
        await sis.ReportAbsenceAsync(Date(to), absence["attendanceEventCategoryDescriptor"]!.GetValue<string>());
    }

    [When("the SIS changes the date of the absence of {word} to {word} in place")]
    public async Task CorrectInPlace(string from, string to)
    {
        var absence = await sis.OneAsync("studentSchoolAttendanceEvents", $"eventDate={from}");
        var id = absence["id"]!.GetValue<string>();
        foreach (var name in new[] { "id", "_etag", "_lastModifiedDate" })
            absence.Remove(name);
        absence["eventDate"] = to;
        await sis.PutAsync("studentSchoolAttendanceEvents", id, absence);
    }

    [Then("WISEdata holds the student's absences on {string}")]
    public async Task HoldsAbsences(string dates)
    {
        var response = await sis.Sis.For(sis.Year).GetAsync("studentSchoolAttendanceEvents", $"studentUniqueId={Uri.EscapeDataString(sis.Student)}");
        (response.Json as JsonArray)!.Select(a => a!["eventDate"]!.GetValue<string>())
            .Should().BeEquivalentTo(dates.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    [Then("WISEdata holds {int} enrolments of the student in the LEA")]
    public async Task HoldsEnrolments(int count) => (await sis.CountAsync("studentSchoolAssociations")).Should().Be(count);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>DPI's courses and the LEA's offerings of them (use cases 18.x).</summary>
[Binding]
public sealed class CourseSteps(SisDriver sis)
{
    private JsonArray? _courses;

    [When("the SIS offers DPI's course {string} at the student's school")]
    public Task Offer(string courseCode) => sis.OfferCourseAsync(courseCode);

    [When("the SIS reads DPI's courses")]
    public async Task ReadCourses()
    {
        var response = sis.Remember(await sis.Sis.For(sis.Year).GetAsync("courses", "limit=500"));
        _courses = response.Json as JsonArray;
    }

    [When("the SIS tries to create its own course {string} titled {string}")]
    public async Task CreateCourse(string code, string title) =>
        sis.Remember(await sis.Sis.For(sis.Year).PostAsync("courses", new JsonObject
        {
            ["courseCode"] = code,
            ["courseTitle"] = title,
            ["numberOfParts"] = 1,
            ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = Support.SuiteTarget.Lea },
            ["identificationCodes"] = new JsonArray(new JsonObject
            {
                ["courseIdentificationSystemDescriptor"] = "uri://ed-fi.org/CourseIdentificationSystemDescriptor#LEA course code",
                ["identificationCode"] = code,
            }),
        }));

    [Then("DPI's courses include {string} titled {string}, flagged {word}")]
    public void IncludesCourse(string code, string title, string flag)
    {
        var course = Course(code);
        course["courseTitle"]!.GetValue<string>().Should().Be(title);
        var isCte = course["_ext"]?["WI"]?["cteProgramAreaDescriptor"] is not null;
        isCte.Should().Be(flag.Equals("CTE", StringComparison.OrdinalIgnoreCase), "{0} should be flagged {1}", code, flag);
    }

    [Then("DPI marks the course {string} {string}")]
    public void MarksCourse(string code, string marker) =>
        Course(code)["courseDescription"]!.GetValue<string>().Should().Contain(marker);

    [Then("the L2 validation reports {string} for the SIS's offering")]
    public async Task L2ReportsOffering(string code) =>
        (await OfferingFindingsAsync(code)).Should().NotBeEmpty("a {0} finding should name the offering '{1}'", code, sis.LastOffering);

    [Then("the L2 validation reports no {string} for the SIS's offering")]
    public async Task L2ReportsNoOffering(string code) =>
        (await OfferingFindingsAsync(code)).Should().BeEmpty();

    /// <summary>The findings of a rule whose message names the scenario's offering (results carry no offering id).</summary>
    private async Task<List<string>> OfferingFindingsAsync(string code) =>
        [.. (await sis.ValidateAsync(code)).Select(r => r["message"]!.GetValue<string>()).Where(m => m.Contains($"'{sis.LastOffering}'", StringComparison.Ordinal))];

    private JsonObject Course(string code) =>
        (_courses ?? throw new InvalidOperationException("Read DPI's courses first."))
        .OfType<JsonObject>().SingleOrDefault(c => c["courseCode"]?.GetValue<string>() == code)
        ?? throw new InvalidOperationException($"DPI's course list has no {code}.");
}
