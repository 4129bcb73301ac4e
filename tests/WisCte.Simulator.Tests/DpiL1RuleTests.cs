using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

/// <summary>DPI's L1 rules: each with the record DPI accepts and the mistake it refuses (400, validation error naming the rule).</summary>
public sealed class DpiL1RuleTests : SimulatorTestBase
{
    private static void ShouldBeRefusedBy(ApiResponse response, string rule, string path)
    {
        response.Code.Should().Be(400, response.Text);
        response.ProblemType.Should().Be("urn:ed-fi:api:bad-request:data-validation-failed");
        response.ValidationMessages.Should().Contain(m => m.StartsWith(path + ":", StringComparison.Ordinal) && m.EndsWith($"[{rule}]", StringComparison.Ordinal));
    }

    private static JsonObject SectionWithPrograms(string student, int year, string where, params (string Type, string Name)[] programs)
    {
        var body = Payloads.StudentSectionAssociation(student, "CNA", year, $"{year - 1}-08-26");
        var list = new JsonArray([.. programs.Select(p => (JsonNode?)new JsonObject { ["programReference"] = Payloads.ProgramReference(p.Type, p.Name) })]);
        if (where == "core")
            body["programs"] = list;
        else
            body["_ext"] = new JsonObject { ["WI"] = new JsonObject { ["programs"] = list } };
        return body;
    }

    // ---- WI-L1-DESCRIPTOR-YEAR ----

    [TestCase(2024, "IRC", TestName = "IRC is refused before 2024-25")]
    [TestCase(2025, "Certified", TestName = "Certified is refused from 2024-25")]
    [TestCase(2026, "Non Certified", TestName = "Non Certified is refused from 2024-25")]
    public async Task A_program_type_outside_its_school_years_is_refused(int year, string type)
    {
        var client = ClientFor(year);
        var student = await EnrolledStudentAsync(client, schoolYear: year);

        var response = await client.PostAsync("studentSectionAssociations", SectionWithPrograms(student, year, year >= 2026 ? "core" : "ext", (type, "Youth Apprenticeship")));

        ShouldBeRefusedBy(response, "WI-L1-DESCRIPTOR-YEAR", year >= 2026 ? "$.programs[0].programReference.programTypeDescriptor" : "$._ext.WI.programs[0].programReference.programTypeDescriptor");
    }

    [TestCase(2024, "Certified", "Youth Apprenticeship", TestName = "Certified Youth Apprenticeship is accepted in 2023-24")]
    [TestCase(2025, "WBL", "Youth Apprenticeship", TestName = "WBL Youth Apprenticeship is accepted in 2024-25")]
    [TestCase(2025, "IRC", "IRC - Not State Approved", TestName = "IRC - Not State Approved is accepted in 2024-25")]
    [TestCase(2026, "Dual", "Out-of-state Dual Enrollment", TestName = "Dual is accepted in 2025-26")]
    public async Task A_program_valid_in_its_school_year_is_accepted(int year, string type, string name)
    {
        var client = ClientFor(year);
        var student = await EnrolledStudentAsync(client, schoolYear: year);

        var response = await client.PostAsync("studentSectionAssociations", SectionWithPrograms(student, year, year >= 2026 ? "core" : "ext", (type, name)));

        response.Code.Should().Be(201, response.Text);
    }

    // ---- WI-L1-PROGRAM-NAME ----

    [Test]
    public async Task A_program_name_that_is_not_dpis_for_that_type_and_year_is_refused()
    {
        var client = ClientFor(2025);
        var student = await EnrolledStudentAsync(client, schoolYear: 2025);

        var response = await client.PostAsync("studentSectionAssociations", SectionWithPrograms(student, 2025, "ext", ("IRC", "Youth Apprenticeship")));

        ShouldBeRefusedBy(response, "WI-L1-PROGRAM-NAME", "$._ext.WI.programs[0].programReference.programName");
        response.ValidationMessages.Single().Should().Contain("'IRC - Not State Approved'");
    }

    // ---- WI-L1-2526-SECTION-PROGRAMS ----

    [Test]
    public async Task From_2025_26_section_programs_in_dpis_extension_are_refused_and_in_core_accepted()
    {
        var student = await EnrolledStudentAsync(Lea);

        ShouldBeRefusedBy(await Lea.PostAsync("studentSectionAssociations", SectionWithPrograms(student, 2026, "ext", ("IRC", "IRC - Not State Approved"))),
            "WI-L1-2526-SECTION-PROGRAMS", "$._ext.WI.programs");
        (await Lea.PostAsync("studentSectionAssociations", SectionWithPrograms(student, 2026, "core", ("IRC", "IRC - Not State Approved")))).Code.Should().Be(201);
    }

    [Test]
    public async Task Through_2024_25_section_programs_in_dpis_extension_are_accepted()
    {
        var client = ClientFor(2025);
        var student = await EnrolledStudentAsync(client, schoolYear: 2025);

        (await client.PostAsync("studentSectionAssociations", SectionWithPrograms(student, 2025, "ext", ("IRC", "IRC - Not State Approved")))).Code.Should().Be(201);
    }

    // ---- WI-L1-2526-CTE-SERVICES and the career pathway ----

    [Test]
    public async Task From_2025_26_the_old_cte_programs_collection_is_refused_and_cte_program_services_accepted()
    {
        var student = await EnrolledStudentAsync(Lea);
        var old = Payloads.CteAssociation(student, 2026);
        old.Remove("cteProgramServices");
        old["ctePrograms"] = new JsonArray(new JsonObject { ["careerPathwayDescriptor"] = "uri://dpi.wi.gov/CareerPathwayDescriptor#8", ["cipCode"] = "51.3902" });

        var refused = await Lea.PostAsync("studentCTEProgramAssociations", old);

        ShouldBeRefusedBy(refused, "WI-L1-2526-CTE-SERVICES", "$.ctePrograms");
        ShouldBeRefusedBy(refused, "WI-L1-DESCRIPTOR-YEAR", "$.ctePrograms[0].careerPathwayDescriptor");
        (await Lea.PostAsync("studentCTEProgramAssociations", Payloads.CteAssociation(student, 2026))).Code.Should().Be(201);
    }

    [Test]
    public async Task Through_2024_25_the_career_pathway_is_accepted_and_the_program_service_descriptor_refused()
    {
        var client = ClientFor(2025);
        var student = await EnrolledStudentAsync(client, schoolYear: 2025);
        (await client.PostAsync("studentCTEProgramAssociations", Payloads.CteAssociation(student, 2025))).Code.Should().Be(201);

        var early = Payloads.CteAssociation(student, 2025);
        early["cteProgramServices"] = new JsonArray(new JsonObject { ["cteProgramServiceDescriptor"] = "uri://dpi.wi.gov/CteProgramServiceDescriptor#8" });
        ShouldBeRefusedBy(await client.PostAsync("studentCTEProgramAssociations", early), "WI-L1-DESCRIPTOR-YEAR", "$.cteProgramServices[0].cteProgramServiceDescriptor");
    }

    // ---- WI-L1-PUBLIC-REQUIRED ----

    [TestCase("_ext.WI.certificatedProgramStatusDescriptor", "$._ext.WI.certificatedProgramStatusDescriptor")]
    [TestCase("_ext.WI.cteConcentrationCteProgramAreas", "$._ext.WI.cteConcentrationCteProgramAreas.cteProgramAreaDescriptor")]
    [TestCase("endDate", "$.endDate")]
    public async Task A_public_schools_cte_association_missing_a_wi_required_property_is_refused(string remove, string path)
    {
        var student = await EnrolledStudentAsync(Lea);
        var body = Payloads.CteAssociation(student, 2026);
        var parts = remove.Split('.');
        var parent = parts[..^1].Aggregate((JsonNode)body, (node, part) => node[part]!);
        parent.AsObject().Remove(parts[^1]);

        ShouldBeRefusedBy(await Lea.PostAsync("studentCTEProgramAssociations", body), "WI-L1-PUBLIC-REQUIRED", path);
    }

    [Test]
    public async Task In_2023_24_the_career_pathway_is_required_of_public_schools_too()
    {
        var client = ClientFor(2024);
        var student = await EnrolledStudentAsync(client, schoolYear: 2024);
        var body = Payloads.CteAssociation(student, 2024);
        body.Remove("ctePrograms");

        ShouldBeRefusedBy(await client.PostAsync("studentCTEProgramAssociations", body), "WI-L1-PUBLIC-REQUIRED", "$.ctePrograms.careerPathwayDescriptor");
        (await client.PostAsync("studentCTEProgramAssociations", Payloads.CteAssociation(student, 2024))).Code.Should().Be(201);
    }

    // ---- WI-L1-CHOICE-NO-CTE ----

    [Test]
    public async Task A_cte_association_for_a_choice_school_is_refused()
    {
        var student = await EnrolledStudentAsync(Lea, school: ChoiceSchool);

        var response = await Lea.PostAsync("studentCTEProgramAssociations", Payloads.CteAssociation(student, 2026, educationOrganizationId: ChoiceSchool));

        ShouldBeRefusedBy(response, "WI-L1-CHOICE-NO-CTE", "$.educationOrganizationReference.educationOrganizationId");
    }

    [Test]
    public async Task Cte_participation_on_a_choice_schools_section_is_refused_but_a_plain_enrolment_is_accepted()
    {
        var student = await EnrolledStudentAsync(Lea, school: ChoiceSchool);
        (await Lea.PostAsync("courseOfferings", new JsonObject
        {
            ["localCourseCode"] = "CHOICE-ENG9",
            ["courseReference"] = new JsonObject { ["courseCode"] = "FX-ENG9", ["educationOrganizationId"] = 48856 },
            ["schoolReference"] = new JsonObject { ["schoolId"] = ChoiceSchool },
            ["sessionReference"] = new JsonObject { ["schoolId"] = ChoiceSchool, ["schoolYear"] = 2026, ["sessionName"] = "2025-2026 School Calendar" },
        })).Code.Should().Be(201);
        (await Lea.PostAsync("sections", new JsonObject
        {
            ["sectionIdentifier"] = "CHOICE-ENG9-01",
            ["courseOfferingReference"] = new JsonObject { ["localCourseCode"] = "CHOICE-ENG9", ["schoolId"] = ChoiceSchool, ["schoolYear"] = 2026, ["sessionName"] = "2025-2026 School Calendar" },
        })).Code.Should().Be(201);
        var section = new JsonObject
        {
            ["sectionReference"] = new JsonObject { ["localCourseCode"] = "CHOICE-ENG9", ["schoolId"] = ChoiceSchool, ["schoolYear"] = 2026, ["sectionIdentifier"] = "CHOICE-ENG9-01", ["sessionName"] = "2025-2026 School Calendar" },
            ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
            ["beginDate"] = "2025-08-26",
        };
        (await Lea.PostAsync("studentSectionAssociations", section)).Code.Should().Be(201);

        section["programs"] = new JsonArray(new JsonObject { ["programReference"] = Payloads.ProgramReference("WBL", "Youth Apprenticeship") });
        ShouldBeRefusedBy(await Lea.PostAsync("studentSectionAssociations", section), "WI-L1-CHOICE-NO-CTE", "$.programs[0].programReference");
    }
}
