using WisCte.EdFi.Model;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Dpi;
using WisCte.Simulator.Http;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

/// <summary>
/// DPI's L2 validations: data is stored, a validation run (WISEdata's validation add-on, on demand) flags it. Each rule
/// with the data it flags and the data it leaves alone. Every test uses its own students, and filters by them.
/// </summary>
public sealed class DpiL2ValidationTests : SimulatorTestBase
{
    private const string Validations = "validations/v1/ed-fi-xvalidations/";

    private static async Task<JsonArray> ResultsAsync(TestClient client, string student)
    {
        (await client.SendAsync(HttpMethod.Get, Validations + "validate", null)).Code.Should().Be(200);
        var results = await client.SendAsync(HttpMethod.Get, Validations + $"validationResults?studentUniqueId={student}", null);
        results.Code.Should().Be(200);
        return results.Json!.AsArray();
    }

    private static IEnumerable<string> Codes(JsonArray results) => results.Select(r => r!["ruleId"]!.GetValue<string>());

    private static JsonObject WithPrograms(JsonObject section, params (string Type, string Name)[] programs)
    {
        section["programs"] = new JsonArray([.. programs.Select(p => (JsonNode?)new JsonObject { ["programReference"] = Payloads.ProgramReference(p.Type, p.Name) })]);
        return section;
    }

    [Test]
    public async Task Rule_16_1_flags_participation_on_a_section_without_a_cte_association_for_that_program()
    {
        var student = await EnrolledStudentAsync(Lea);
        (await Lea.PostAsync("studentSectionAssociations", WithPrograms(Payloads.StudentSectionAssociation(student, "CNA"), ("IRC", "IRC State Approved Business & Industry")))).Code.Should().Be(201);

        var flagged = await ResultsAsync(Lea, student);
        flagged.Should().Contain(r => r!["ruleId"]!.GetValue<string>() == "WI-L2-16.1" && r["severity"]!.GetValue<string>() == "Error"
            && r["resourceType"]!.GetValue<string>() == "studentSectionAssociations" && r["resourceId"] != null);

        (await Lea.PostAsync("studentCTEProgramAssociations", Payloads.CteAssociation(student, 2026, "IRC", "IRC State Approved Business & Industry"))).Code.Should().Be(201);
        Codes(await ResultsAsync(Lea, student)).Should().NotContain("WI-L2-16.1");
    }

    [Test]
    public async Task A_run_over_older_data_that_finishes_last_does_not_replace_newer_results()
    {
        // Parallel scenarios of one LEA validate at once: run 1 starts before a client's write, run 2 after it, and
        // run 1 finishes last. The client must read run 2's results, or it sees a finding its write has fixed.
        var validations = new ValidationEndpoint(Simulator.State);
        var student = await EnrolledStudentAsync(Lea);
        (await Lea.PostAsync("studentSectionAssociations", WithPrograms(Payloads.StudentSectionAssociation(student, "CNA"), ("IRC", "IRC State Approved Business & Industry")))).Code.Should().Be(201);
        var older = validations.Compute(48856, new SchoolYear(2026));
        (await Lea.PostAsync("studentCTEProgramAssociations", Payloads.CteAssociation(student, 2026, "IRC", "IRC State Approved Business & Industry"))).Code.Should().Be(201);
        var newer = validations.Compute(48856, new SchoolYear(2026));

        validations.Keep(newer);
        validations.Keep(older);

        older.Results.Should().Contain(r => r.Code == "WI-L2-16.1" && r.StudentUniqueId == student, "the older run predates the CTE association");
        validations.Latest(48856, new SchoolYear(2026)).Should().NotContain(r => r.Code == "WI-L2-16.1" && r.StudentUniqueId == student);
    }

    [Test]
    public async Task Rule_16_1_leaves_dual_enrolment_alone()
    {
        var student = await EnrolledStudentAsync(Lea);
        (await Lea.PostAsync("studentSectionAssociations", WithPrograms(Payloads.StudentSectionAssociation(student, "ENG9"), ("Dual", "College Course with UW System")))).Code.Should().Be(201);

        Codes(await ResultsAsync(Lea, student)).Should().NotContain("WI-L2-16.1");
    }

    [Test]
    public async Task Rule_17_1_flags_a_concentrator_without_a_pathway()
    {
        var student = await EnrolledStudentAsync(Lea);
        // The program area is required at L1 for public schools; from 2025-26 the pathway is not, so that is what L2 catches.
        var body = Payloads.CteAssociation(student, 2026);
        body.Remove("cteProgramServices");
        (await Lea.PostAsync("studentCTEProgramAssociations", body)).Code.Should().Be(201);

        var results = await ResultsAsync(Lea, student);
        results.Should().Contain(r => r!["ruleId"]!.GetValue<string>() == "WI-L2-17.1" && r["message"]!.GetValue<string>().Contains("pathway", StringComparison.Ordinal));
    }

    [Test]
    public async Task Rule_17_1_leaves_a_complete_concentrator_alone()
    {
        var student = await EnrolledStudentAsync(Lea);
        (await Lea.PostAsync("studentCTEProgramAssociations", Payloads.CteAssociation(student, 2026))).Code.Should().Be(201);

        Codes(await ResultsAsync(Lea, student)).Should().NotContain("WI-L2-17.1");
    }

    [Test]
    public async Task Rule_17_2_flags_a_grade_11_cte_student_without_reported_characteristics_and_not_a_grade_10_one()
    {
        var eleventh = await EnrolledStudentAsync(Lea, "Eleventh grade");
        var tenth = await EnrolledStudentAsync(Lea, "Tenth grade");
        foreach (var student in new[] { eleventh, tenth })
            (await Lea.PostAsync("studentCTEProgramAssociations", Payloads.CteAssociation(student, 2026))).Code.Should().Be(201);

        Codes(await ResultsAsync(Lea, eleventh)).Should().Contain("WI-L2-17.2");
        Codes(await ResultsAsync(Lea, tenth)).Should().NotContain("WI-L2-17.2");

        (await Lea.PostAsync("studentEducationOrganizationAssociations", new JsonObject
        {
            ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = LeaId },
            ["studentReference"] = new JsonObject { ["studentUniqueId"] = eleventh },
            ["studentCharacteristics"] = new JsonArray(new JsonObject { ["studentCharacteristicDescriptor"] = "uri://dpi.wi.gov/StudentCharacteristicDescriptor#Single Parent" }),
        })).Code.Should().Be(201);
        Codes(await ResultsAsync(Lea, eleventh)).Should().NotContain("WI-L2-17.2");
    }

    [Test]
    public async Task Warning_6794_flags_two_statuses_for_one_certified_program_without_a_section_and_not_one()
    {
        var two = await EnrolledStudentAsync(Lea, "Twelfth grade");
        var one = await EnrolledStudentAsync(Lea, "Twelfth grade");
        var continuing = Payloads.CteAssociation(two, 2026, "IRC", "IRC State Approved Business & Industry");
        var completed = Payloads.CteAssociation(two, 2026, "IRC", "IRC State Approved Business & Industry");
        completed["beginDate"] = "2026-01-12"; // a second association (its own key) rather than the first one updated
        completed["_ext"]!["WI"]!["certificatedProgramStatusDescriptor"] = "uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#A";
        foreach (var body in new[] { continuing, completed, Payloads.CteAssociation(one, 2026, "IRC", "IRC State Approved Business & Industry") })
            (await Lea.PostAsync("studentCTEProgramAssociations", body)).Code.Should().Be(201);

        var results = await ResultsAsync(Lea, two);
        Codes(results).Should().Contain("WI-L2-6794");
        results.Single(r => r!["ruleId"]!.GetValue<string>() == "WI-L2-6794")!["severity"]!.GetValue<string>().Should().Be("Warning");
        Codes(await ResultsAsync(Lea, one)).Should().NotContain("WI-L2-6794");
    }

    [Test]
    public async Task Rule_17_3_derives_a_cte_participant_from_a_passed_cte_course()
    {
        var passed = await EnrolledStudentAsync(Lea, "Tenth grade");
        var failed = await EnrolledStudentAsync(Lea, "Tenth grade");
        var notCte = await EnrolledStudentAsync(Lea, "Tenth grade");
        await EnrolWithGradeAsync(passed, "WELD1", "B");
        await EnrolWithGradeAsync(failed, "WELD1", "F");
        await EnrolWithGradeAsync(notCte, "ENG9", "A");

        var participant = await ResultsAsync(Lea, passed);
        participant.Should().Contain(r => r!["ruleId"]!.GetValue<string>() == "WI-L2-17.3" && r["severity"]!.GetValue<string>() == "Info"
            && r["message"]!.GetValue<string>().Contains("Welding I", StringComparison.Ordinal));
        Codes(await ResultsAsync(Lea, failed)).Should().NotContain("WI-L2-17.3");
        Codes(await ResultsAsync(Lea, notCte)).Should().NotContain("WI-L2-17.3");
    }

    [Test]
    public async Task Wbl_before_2024_25_is_accepted_and_flagged_as_a_warning()
    {
        var client = ClientFor(2024);
        var student = await EnrolledStudentAsync(client, schoolYear: 2024);
        var section = Payloads.StudentSectionAssociation(student, "CNA", 2024, "2023-08-26");
        section["_ext"] = new JsonObject { ["WI"] = new JsonObject { ["programs"] = new JsonArray(new JsonObject { ["programReference"] = Payloads.ProgramReference("WBL", "Internship/Local Co-op") }) } };
        (await client.PostAsync("studentSectionAssociations", section)).Code.Should().Be(201);

        (await ResultsAsync(client, student)).Should().Contain(r => r!["ruleId"]!.GetValue<string>() == "WI-L2-WBL-BEFORE-2025" && r["severity"]!.GetValue<string>() == "Warning");
    }

    [Test]
    public async Task An_offering_of_a_course_dpi_marks_do_not_use_is_flagged_and_its_new_roster_code_is_not()
    {
        var suffix = NewStudentId();
        JsonObject Offering(string courseCode) => new()
        {
            ["localCourseCode"] = $"{courseCode}-{suffix}",
            ["courseReference"] = new JsonObject { ["courseCode"] = courseCode, ["educationOrganizationId"] = LeaId },
            ["schoolReference"] = new JsonObject { ["schoolId"] = PublicSchool },
            ["sessionReference"] = new JsonObject { ["schoolId"] = PublicSchool, ["schoolYear"] = 2026, ["sessionName"] = "2025-2026 School Calendar" },
        };
        (await Lea.PostAsync("courseOfferings", Offering("FX-PFIN"))).Code.Should().Be(201);
        (await Lea.PostAsync("courseOfferings", Offering("FX-PFIN-N"))).Code.Should().Be(201);

        (await Lea.SendAsync(HttpMethod.Get, Validations + "validate", null)).Code.Should().Be(200);
        var flagged = (await Lea.SendAsync(HttpMethod.Get, Validations + "validationResults?code=WI-L2-18-DEPRECATED-COURSE", null)).Json!.AsArray()
            .Select(r => r!["message"]!.GetValue<string>()).ToList();
        flagged.Should().Contain(m => m.Contains($"'FX-PFIN-{suffix}'", StringComparison.Ordinal));
        flagged.Should().NotContain(m => m.Contains($"'FX-PFIN-N-{suffix}'", StringComparison.Ordinal));
    }

    [Test]
    public async Task Results_are_per_lea_and_school_year()
    {
        var student = await EnrolledStudentAsync(Lea);
        (await Lea.PostAsync("studentSectionAssociations", WithPrograms(Payloads.StudentSectionAssociation(student, "CNA"), ("IRC", "IRC - Not State Approved")))).Code.Should().Be(201);
        Codes(await ResultsAsync(Lea, student)).Should().Contain("WI-L2-16.1");

        (await ResultsAsync(OtherLea, student)).Should().BeEmpty();
        (await ResultsAsync(ClientFor(2025), student)).Should().BeEmpty();
    }

    private async Task EnrolWithGradeAsync(string student, string course, string letter)
    {
        (await Lea.PostAsync("studentSectionAssociations", Payloads.StudentSectionAssociation(student, course))).Code.Should().Be(201);
        (await Lea.PostAsync("grades", Payloads.Grade(student, letter, course))).Code.Should().Be(201);
    }
}
