using WisCte.EdFi.Model;
using FluentAssertions;
using Reqnroll;
using WisCte.ReferenceSis.Payloads;
using WisCte.Specs.Drivers;

namespace WisCte.Specs.Steps;

/// <summary>
/// What the SIS reports, in DPI's words. The drivers know the JSON and the HTTP; these steps know neither. A Given
/// arranges (<see cref="Setup"/>: a refusal stops the scenario there, naming it); a When acts and its answer is judged
/// by the Then steps.
/// </summary>
[Binding]
public sealed class CteSteps(SisDriver sis, CteDriver cte)
{
    // ---- set-up ----

    [Given("a student enrolled at {string} in {string} for {word}")]
    public Task GivenAStudent(string school, string grade, string schoolYear) => sis.EnrolNewStudentAsync(school, grade, SchoolYear.Parse(schoolYear));

    [Given("the student is enrolled in the {string} section")]
    public Task GivenSectionEnrolment(string course) => Setup.Succeeds(sis.EnrolInSectionAsync(course, []), $"the enrolment in {course}");

    [Given("the student has taken {string} and earned a(n) {string}")]
    public async Task GivenGrade(string course, string letter)
    {
        await Setup.Succeeds(sis.EnrolInSectionAsync(course, []), $"the enrolment in {course}");
        await Setup.Succeeds(sis.ReportGradeAsync(course, letter), $"the grade {letter} in {course}");
    }

    [Given("the SIS has reported the student's CTE program association:")]
    public Task GivenCteAssociation(DataTable table) => Setup.Succeeds(cte.ReportAsync(Properties(table)), "the CTE program association");

    [Given("the SIS has reported the student's participation in the {string} program {string} on the {string} section")]
    public Task GivenParticipationOnSection(string type, string name, string course) =>
        Setup.Succeeds(sis.EnrolInSectionAsync(course, [new ProgramRef(type, name)]), $"participation in the {type} program '{name}' on {course}");

    [Given("the SIS has reported the student's certificated program status {string} in the {string} program {string}")]
    public Task GivenCertificatedStatus(string status, string type, string name) =>
        Setup.Succeeds(cte.ReportStatusAsync(type, name, status), $"the certificated program status {status} in the {type} program '{name}'");

    [Given("the SIS has deleted the student's CTE program association")]
    public Task GivenDeletedCteAssociation() => Setup.Succeeds(cte.DeleteAsync(), "the DELETE of the CTE program association");

    [Given("the SIS has reported the student's characteristic {string}")]
    public Task GivenCharacteristic(string characteristic) => Setup.Succeeds(sis.ReportCharacteristicAsync(characteristic), $"the characteristic {characteristic}");

    // ---- program participation on a section ----

    [When("the SIS reports the student's participation in the {string} program {string} on the {string} section")]
    public Task ParticipationOnSection(string type, string name, string course) => sis.EnrolInSectionAsync(course, [new ProgramRef(type, name)]);

    [When("the SIS reports the student's participation in the {string} program {string} on the {string} section in DPI's extension")]
    public Task ParticipationInExtension(string type, string name, string course) =>
        sis.EnrolInSectionAsync(course, [new ProgramRef(type, name)], programsInExtension: true);

    [When("the SIS reports the student's participation on the {string} section in these programs:")]
    public Task ParticipationInPrograms(string course, DataTable programs) =>
        sis.EnrolInSectionAsync(course, [.. programs.Rows.Select(r => new ProgramRef(r["program type"], r["program name"]))]);

    [When("the SIS reports the student's enrolments in the {string} section, each with participation in the {string} program {string}:")]
    public async Task SectionEnrolments(string course, string type, string name, DataTable enrolments)
    {
        foreach (var row in enrolments.Rows)
        {
            await Setup.Succeeds(sis.EnrolInSectionAsync(course, [new ProgramRef(type, name)], SisDriver.Date(row["begin date"]),
                string.IsNullOrWhiteSpace(row["end date"]) ? null : SisDriver.Date(row["end date"])), $"the enrolment beginning {row["begin date"]}");
        }
    }

    // ---- the CTE program association ----

    [When("the SIS reports the student's CTE program association:")]
    public Task CteAssociation(DataTable table) => cte.ReportAsync(Properties(table));

    [When("the SIS reports the student's certificated program status {string} in the {string} program {string}")]
    public Task CertificatedStatus(string status, string type, string name) => cte.ReportStatusAsync(type, name, status);

    [When("the SIS deletes the student's CTE program association")]
    public Task DeleteCteAssociation() => cte.DeleteAsync();

    [When("the SIS deletes the student's CTE program association again")]
    public Task DeleteCteAssociationAgain() => cte.DeleteAgainAsync();

    // ---- grades, characteristics ----

    [When("the SIS reports the student's characteristic {string}")]
    public Task Characteristic(string characteristic) => sis.ReportCharacteristicAsync(characteristic);

    [When("the SIS deletes the student's enrolment in the {string} section")]
    public Task DeleteSectionEnrolment(string course) => sis.DeleteInSectionAsync("studentSectionAssociations", course);

    [When("the SIS deletes the student's grade in {string}")]
    public Task DeleteGrade(string course) => sis.DeleteInSectionAsync("grades", course);

    // ---- outcomes ----

    [Then("WISEdata accepts it")]
    public void Accepts() => sis.Last!.IsSuccess.Should().BeTrue("WISEdata should accept it, but answered {0}", sis.Last);

    [Then("WISEdata refuses it under rule {string}")]
    public void RefusesUnderRule(string rule)
    {
        sis.Last!.Status.Should().Be(400, "a DPI L1 rule refuses with 400; the answer was {0}", sis.Last);
        sis.Last.Problem!.Type.Should().StartWith("urn:ed-fi:api:bad-request:data-validation-failed");
        sis.Last.Problem.Messages.Should().Contain(m => m.EndsWith($"[{rule}]", StringComparison.Ordinal), "the refusal should name rule {0}", rule);
    }

    [Then("WISEdata refuses it as {string}")]
    public void RefusesAs(string problemType)
    {
        sis.Last!.IsSuccess.Should().BeFalse("WISEdata should refuse it as {0}", problemType);
        sis.Last.Problem!.Type.Should().Be(problemType, "the answer was {0}", sis.Last);
    }

    [Then("WISEdata refuses it as {string}, about {string}")]
    public void RefusesAsAbout(string problemType, string about)
    {
        RefusesAs(problemType);
        sis.Last!.Problem!.Messages.Should().Contain(m => m.Contains(about, StringComparison.OrdinalIgnoreCase), "the refusal should be about {0}", about);
    }

    [Then("WISEdata holds {int} enrolment(s) of the student in the {string} section")]
    public async Task HoldsSectionEnrolments(int count, string course) =>
        (await sis.CountAsync("studentSectionAssociations", $"localCourseCode={Uri.EscapeDataString(sis.Sections[course].Section.LocalCourseCode)}")).Should().Be(count);

    [Then("WISEdata holds the student's certificated program status as {string}")]
    public async Task HoldsStatus(string status) => (await cte.HeldStatusAsync()).Should().BeEquivalentTo(await cte.StatusDescriptorAsync(status));

    [Then("WISEdata no longer holds a CTE program association for the student")]
    public async Task HoldsNoAssociation() => (await cte.CountAsync()).Should().Be(0);

    [Then("the L2 validation reports {string} for the student")]
    public async Task L2Reports(string code) => (await sis.FindingCodesAsync()).Should().Contain(code);

    [Then("the L2 validation reports no {string} for the student")]
    public async Task L2ReportsNo(string code) => (await sis.FindingCodesAsync()).Should().NotContain(code);

    /// <summary>A two-column table of property and value: its first row (Reqnroll's "header") is a property too.</summary>
    private static Dictionary<string, string> Properties(DataTable table) =>
        new[] { (Name: table.Header.ElementAt(0), Value: table.Header.ElementAt(1)) }
            .Concat(table.Rows.Select(r => (Name: r[0], Value: r[1])))
            .ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
}
