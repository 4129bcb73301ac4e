using WisCte.EdFi.Model;
using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;
using Reqnroll;
using WisCte.Dpi;
using WisCte.ReferenceSis.Payloads;
using WisCte.Specs.Drivers;

namespace WisCte.Specs.Steps;

/// <summary>What the SIS reports, in DPI's words. The driver knows the JSON and the HTTP; these steps know neither.</summary>
[Binding]
public sealed class CteSteps(SisDriver sis)
{
    // ---- set-up ----

    [Given("a student enrolled at {string} in {string} for {word}")]
    public Task GivenAStudent(string school, string grade, string schoolYear) => sis.EnrolNewStudentAsync(school, grade, SchoolYear.Parse(schoolYear));

    [Given("the student is enrolled in the {string} section")]
    public async Task GivenSectionEnrolment(string course) => SisDriver.Expect(await sis.EnrolInSectionAsync(course, []), $"Enrolment in {course}");

    [Given("the student has taken {string} and earned a(n) {string}")]
    public async Task GivenGrade(string course, string letter)
    {
        SisDriver.Expect(await sis.EnrolInSectionAsync(course, []), $"Enrolment in {course}");
        SisDriver.Expect(await sis.ReportGradeAsync(course, letter), $"Grade in {course}");
    }

    [Given("the SIS has reported the student's CTE program association:")]
    public async Task GivenCteAssociation(DataTable table) =>
        SisDriver.Expect(await sis.ReportCteAssociationAsync(await CteAssociationAsync(table)), "The CTE program association");

    // ---- program participation on a section ----

    [When("the SIS reports the student's participation in the {string} program {string} on the {string} section")]
    [Given("the SIS has reported the student's participation in the {string} program {string} on the {string} section")]
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
            var response = await sis.EnrolInSectionAsync(course, [new ProgramRef(type, name)], Date(row["begin date"]),
                string.IsNullOrWhiteSpace(row["end date"]) ? null : Date(row["end date"]));
            SisDriver.Expect(response, $"The enrolment beginning {row["begin date"]}");
        }
    }

    // ---- the CTE program association ----

    [When("the SIS reports the student's CTE program association:")]
    public async Task CteAssociation(DataTable table) => await sis.ReportCteAssociationAsync(await CteAssociationAsync(table));

    [When("the SIS reports the student's certificated program status {string} in the {string} program {string}")]
    [Given("the SIS has reported the student's certificated program status {string} in the {string} program {string}")]
    public async Task CertificatedStatus(string status, string type, string name) =>
        await sis.ReportCteAssociationAsync(await CteAssociationAsync(type, name, status));

    [When("the SIS deletes the student's CTE program association")]
    [Given("the SIS has deleted the student's CTE program association")]
    public async Task DeleteCteAssociation()
    {
        var association = await sis.OneAsync("studentCTEProgramAssociations");
        await sis.DeleteAsync("studentCTEProgramAssociations", association["id"]!.GetValue<string>());
    }

    [When("the SIS deletes the student's CTE program association again")]
    public Task DeleteCteAssociationAgain() =>
        sis.DeleteAsync("studentCTEProgramAssociations", sis.LastDeletedId ?? throw new InvalidOperationException("No CTE program association was deleted in this scenario."));

    // ---- grades, characteristics ----

    [When("the SIS reports the student's characteristic {string}")]
    [Given("the SIS has reported the student's characteristic {string}")]
    public Task Characteristic(string characteristic) => sis.ReportCharacteristicAsync(characteristic);

    [When("the SIS deletes the student's enrolment in the {string} section")]
    public async Task DeleteSectionEnrolment(string course)
    {
        var enrolment = await sis.OneAsync("studentSectionAssociations", $"localCourseCode={Uri.EscapeDataString(sis.Sections[course].Section.LocalCourseCode)}");
        await sis.DeleteAsync("studentSectionAssociations", enrolment["id"]!.GetValue<string>());
    }

    [When("the SIS deletes the student's grade in {string}")]
    public async Task DeleteGrade(string course)
    {
        var grade = await sis.OneAsync("grades", $"localCourseCode={Uri.EscapeDataString(sis.Sections[course].Section.LocalCourseCode)}");
        await sis.DeleteAsync("grades", grade["id"]!.GetValue<string>());
    }

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
    public async Task HoldsSectionEnrolments(int count, string course)
    {
        var response = await sis.Sis.For(sis.Year).GetAsync("studentSectionAssociations",
            $"studentUniqueId={Uri.EscapeDataString(sis.Student)}&localCourseCode={Uri.EscapeDataString(sis.Sections[course].Section.LocalCourseCode)}");
        (response.Json as JsonArray).Should().HaveCount(count);
    }

    [Then("WISEdata holds the student's certificated program status as {string}")]
    public async Task HoldsStatus(string status)
    {
        var expected = await sis.Sis.DescriptorAsync(sis.Year, "CertificatedProgramStatusDescriptor", status);
        var association = await sis.OneAsync("studentCTEProgramAssociations");
        association["_ext"]!["WI"]!["certificatedProgramStatusDescriptor"]!.GetValue<string>().Should().BeEquivalentTo(expected);
    }

    [Then("WISEdata no longer holds a CTE program association for the student")]
    public async Task HoldsNoAssociation() => (await sis.CountAsync("studentCTEProgramAssociations")).Should().Be(0);

    [Then("the L2 validation reports {string} for the student")]
    public async Task L2Reports(string code) =>
        (await sis.ValidateAsync()).Select(r => r["ruleId"]!.GetValue<string>()).Should().Contain(code);

    [Then("the L2 validation reports no {string} for the student")]
    public async Task L2ReportsNo(string code) =>
        (await sis.ValidateAsync()).Select(r => r["ruleId"]!.GetValue<string>()).Should().NotContain(code);

    // ---- building the CTE association from DPI's words ----

    private Task<JsonObject> CteAssociationAsync(string type, string name, string status) =>
        CteAssociationAsync(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["program type"] = type,
            ["program name"] = name,
            ["certificated program status"] = status,
        });

    /// <summary>A two-column table of property and value: its first row (Reqnroll's "header") is a property too.</summary>
    private Task<JsonObject> CteAssociationAsync(DataTable table) =>
        CteAssociationAsync(new[] { (Name: table.Header.ElementAt(0), Value: table.Header.ElementAt(1)) }
            .Concat(table.Rows.Select(r => (Name: r[0], Value: r[1])))
            .ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase));

    /// <summary>Fills what the table leaves out with what DPI documents for a public school's concentrator.</summary>
    private async Task<JsonObject> CteAssociationAsync(Dictionary<string, string> given)
    {
        string? Value(string key, string? fallback) =>
            given.TryGetValue(key, out var v) ? (string.Equals(v, "none", StringComparison.OrdinalIgnoreCase) ? null : v) : fallback;

        var year = sis.Year;
        var services = UseCasePayloads.UsesCteProgramServices(year, oldShape: given.ContainsKey("shape"));
        var status = Value("certificated program status", "Continuing");
        var areas = Value("program area", "Health Science Education");
        var pathway = Value("pathway", "Health Science");
        var school = Value("school", null);
        var areaDescriptors = new List<string>();
        foreach (var area in (areas ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            areaDescriptors.Add(await sis.Sis.DescriptorAsync(year, "CteProgramAreaDescriptor", area));

        return UseCasePayloads.CteAssociation(
            sis.Student,
            new ProgramRef(Value("program type", "CTE")!, Value("program name", "Career and Technical Education")!),
            school is null ? sis.School : await sis.Sis.SchoolIdAsync(year, school),
            Value("begin date", null) is { } begin ? Date(begin) : sis.YearBegins,
            Value("end date", Iso(sis.YearEnds)) is { } end ? Date(end) : null,
            year,
            status is null ? null : await sis.Sis.DescriptorAsync(year, "CertificatedProgramStatusDescriptor", status),
            areaDescriptors,
            pathway is null ? null : await sis.Sis.DescriptorAsync(year, services ? "CteProgramServiceDescriptor" : "CareerPathwayDescriptor", pathway),
            Value("cip code", pathway is null ? null : "51.3902"),
            oldShape: given.ContainsKey("shape"));
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
